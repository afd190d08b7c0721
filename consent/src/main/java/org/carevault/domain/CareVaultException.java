package org.carevault.domain;

/**
 * A refusal or failure with a stable {@link ErrorCode}. The detail, if any, is written for the
 * caller: it must never hold internals or patient data.
 */
public class CareVaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final String detail;

    public CareVaultException(ErrorCode errorCode) {
        this(errorCode, null);
    }

    public CareVaultException(ErrorCode errorCode, String detail) {
        super(errorCode.code() + " " + errorCode.title());
        this.errorCode = errorCode;
        this.detail = detail;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** A caller-safe explanation beyond the title, or null. */
    public String detail() {
        return detail;
    }
}
