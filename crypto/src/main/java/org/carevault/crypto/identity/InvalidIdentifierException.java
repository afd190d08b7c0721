package org.carevault.crypto.identity;

/** An identifier (SSIN, NIHII, certificate identity) that is malformed. The message never holds the value. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidIdentifierException(String message) {
        super(message);
    }
}
