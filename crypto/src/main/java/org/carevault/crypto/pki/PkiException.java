package org.carevault.crypto.pki;

/** A failure to create, read or write keys and certificates. */
public class PkiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
