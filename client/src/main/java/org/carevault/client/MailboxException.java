package org.carevault.client;

/** A refusal by the hub (its CareVault code, e.g. CV-MAIL-002) or a failure to reach it. */
public class MailboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public MailboxException(String code, String message, Throwable cause) {
        super(code + " " + message, cause);
        this.code = code;
    }

    /** The hub's code (CV-…), or CLIENT for a failure on this side. */
    public String code() {
        return code;
    }
}
