package org.carevault.crypto.timestamp;

/** A time-stamp that cannot be issued or does not verify; the message names the reason. */
public class TimeStampException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TimeStampException(String message, Throwable cause) {
        super(message, cause);
    }
}
