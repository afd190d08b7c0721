package org.carevault.kmehr;

/** A message the hub does not accept, with the reason; the message text never quotes content. */
public class KmehrException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a message was refused. */
    public enum Reason {
        /** Not well-formed XML, or not UTF-8. */
        NOT_XML,
        /** A DOCTYPE (and so any entity declaration) is present: never accepted. */
        DOCTYPE_FORBIDDEN,
        /** Over the size, depth or element-count limit. */
        TOO_LARGE,
        /** Not a KMEHR message (root element or namespace). */
        NOT_KMEHR,
        /** The header lacks its standard, id, date, time or sender. */
        HEADER_INVALID,
        /** No patient, more than one, or a patient without an SSIN with valid check digits. */
        PATIENT_INVALID,
        /** A transaction without a type (CD-TRANSACTION) or without an author. */
        TRANSACTION_INVALID,
        /** A version that is missing where required or not a positive whole number. */
        VERSION_INVALID
    }

    private final Reason reason;

    public KmehrException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
