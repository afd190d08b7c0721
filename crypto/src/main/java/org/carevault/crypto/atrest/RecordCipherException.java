package org.carevault.crypto.atrest;

/** A record that cannot be encrypted or decrypted; the message never holds record content. */
public class RecordCipherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
