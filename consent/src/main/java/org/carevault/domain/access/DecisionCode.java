package org.carevault.domain.access;

import org.carevault.domain.ErrorCode;

/** The outcome of an access decision: PERMIT or one distinct, stable refusal. */
public enum DecisionCode {
    PERMIT(null),
    NOT_AUTHENTICATED(ErrorCode.NOT_AUTHENTICATED),
    ROLE_NOT_ALLOWED(ErrorCode.ROLE_NOT_ALLOWED),
    NO_CONSENT(ErrorCode.NO_CONSENT),
    NO_THERAPEUTIC_RELATIONSHIP(ErrorCode.NO_THERAPEUTIC_RELATIONSHIP),
    EXCLUDED(ErrorCode.EXCLUDED),
    BREAK_GLASS_REASON_INVALID(ErrorCode.BREAK_GLASS_REASON_INVALID),
    NOT_MANDATED(ErrorCode.NOT_MANDATED),
    /** A patient's sensitive change (consent, proxies, log export) without a second factor in the session. */
    STRONG_AUTHENTICATION_REQUIRED(ErrorCode.STRONG_AUTHENTICATION_REQUIRED);

    private final ErrorCode errorCode;

    DecisionCode(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    /** The error a refused caller receives; none for PERMIT. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
