package org.carevault.domain;

/**
 * Every error a caller can receive, with a stable code, its kind and a short title safe to show (no internals, no
 * patient data). SOAP faults carry the same codes; each adapter maps them onto its wire (the REST adapter to HTTP
 * statuses). Codes are never reused; a test checks they are unique.
 */
public enum ErrorCode {
    NOT_AUTHENTICATED("CV-AUTH-001", Kind.UNAUTHENTICATED, "Authentication is required"),
    CALLER_IDENTITY_INVALID("CV-AUTH-002", Kind.REFUSED, "The credentials do not carry a valid care identity"),
    CALLER_ROLE_MISSING("CV-AUTH-003", Kind.REFUSED, "The credentials do not carry exactly one role"),
    ROLE_NOT_ALLOWED("CV-AUTH-004", Kind.REFUSED, "The caller's role may not use this operation"),
    MESSAGE_SECURITY_INVALID("CV-AUTH-005", Kind.UNAUTHENTICATED, "The message security could not be verified"),
    ASSERTION_UNTRUSTED("CV-AUTH-006", Kind.UNAUTHENTICATED,
            "The SAML assertion is not valid or not issued by a trusted security token service"),
    ASSERTION_EXPIRED("CV-AUTH-007", Kind.UNAUTHENTICATED, "The SAML assertion is not valid at this time"),
    HOLDER_OF_KEY_MISMATCH("CV-AUTH-008", Kind.UNAUTHENTICATED,
            "The request is not signed by the key the SAML assertion is held by"),
    ASSERTION_IDENTITY_MISMATCH("CV-AUTH-009", Kind.UNAUTHENTICATED,
            "The SAML assertion's attributes do not match its holder's certificate"),
    STRONG_AUTHENTICATION_REQUIRED("CV-AUTH-010", Kind.UNAUTHENTICATED,
            "This change needs an authentication with a second factor (acr mfa) in the current session"),

    REQUEST_MALFORMED("CV-REQ-001", Kind.INVALID, "The request body is not well-formed"),
    REQUEST_INVALID("CV-REQ-002", Kind.INVALID, "The request is not valid"),
    REQUEST_TOO_LARGE("CV-REQ-003", Kind.TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("CV-REQ-004", Kind.INVALID, "The request media type is not supported"),
    NOT_FOUND("CV-REQ-005", Kind.NOT_FOUND, "No such resource"),
    METHOD_NOT_ALLOWED("CV-REQ-006", Kind.INVALID, "The method is not allowed on this resource"),
    NOT_ACCEPTABLE("CV-REQ-007", Kind.INVALID, "The requested media type cannot be produced"),

    NO_CONSENT("CV-CONSENT-001", Kind.REFUSED, "The patient has not given informed consent"),
    NO_THERAPEUTIC_RELATIONSHIP("CV-CONSENT-002", Kind.REFUSED,
            "There is no active therapeutic relationship with the patient"),
    EXCLUDED("CV-CONSENT-003", Kind.REFUSED, "The patient has excluded this caller"),
    BREAK_GLASS_REASON_INVALID("CV-CONSENT-004", Kind.INVALID,
            "A break-the-glass reason must have 10 to 200 characters"),
    PROOF_REQUIRED("CV-CONSENT-005", Kind.INVALID, "A proof of the patient's presence or agreement is required"),
    CONFLICT("CV-REQ-008", Kind.CONFLICT, "The request conflicts with the current state"),
    OPERATION_NOT_SUPPORTED("CV-REQ-009", Kind.INVALID, "This hub does not offer the operation"),

    VERSION_CONFLICT("CV-VAULT-001", Kind.CONFLICT, "The write is based on a version that is not the current one"),
    VERSION_REQUIRED("CV-VAULT-002", Kind.INVALID, "A write must state the version it is based on"),
    KMEHR_INVALID("CV-VAULT-003", Kind.INVALID, "The KMEHR message is not accepted"),
    PATIENT_MISMATCH("CV-VAULT-004", Kind.INVALID, "The message's patient is not the patient addressed"),
    ELEMENT_UNKNOWN("CV-VAULT-005", Kind.INVALID, "An element id is not one of this patient's"),
    NOT_AUTHOR("CV-VAULT-006", Kind.REFUSED, "Only the author may revoke this document"),

    RECIPIENT_UNKNOWN("CV-MAIL-001", Kind.NOT_FOUND, "A recipient is not known to the hub"),
    RECIPIENT_WITHOUT_TOKEN("CV-MAIL-002", Kind.INVALID, "A recipient has no valid encryption token"),
    TOKEN_INVALID("CV-MAIL-003", Kind.INVALID, "The encryption token is not valid or not signed by its owner"),
    SENDER_MISMATCH("CV-MAIL-004", Kind.INVALID, "The sealed content is not signed by the caller"),
    SEALED_CONTENT_INVALID("CV-MAIL-005", Kind.INVALID, "The content is not a sealed message the hub can authenticate"),
    MESSAGE_TOO_LARGE("CV-MAIL-006", Kind.TOO_LARGE, "The message is larger than the hub accepts"),
    TOO_MANY_IDS("CV-MAIL-007", Kind.INVALID, "At most 100 message ids per request"),
    PUBLICATION_REUSED("CV-MAIL-008", Kind.CONFLICT, "This publication id was already used for another message"),
    NOT_MANDATED("CV-MAIL-009", Kind.REFUSED, "The caller holds no mandate for this box"),

    INTERNAL("CV-SYS-001", Kind.SYSTEM, "An internal error occurred"),
    UNAVAILABLE("CV-SYS-002", Kind.SYSTEM, "The service is temporarily unavailable");

    /**
     * What kind of failure: the caller's (unknown, refused, asked wrongly, for something absent, in conflict with the
     * current state, too much) or the hub's own.
     */
    public enum Kind {
        UNAUTHENTICATED, REFUSED, INVALID, NOT_FOUND, CONFLICT, TOO_LARGE, SYSTEM
    }

    private final String code;
    private final Kind kind;
    private final String title;

    ErrorCode(String code, Kind kind, String title) {
        this.code = code;
        this.kind = kind;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the caller can do something about it (everything but the hub's own failures). */
    public boolean callersFault() {
        return kind != Kind.SYSTEM;
    }

    public String title() {
        return title;
    }

    /** The error with that code; an unknown code is an internal error, never a guess. */
    public static ErrorCode fromCode(String code) {
        for (ErrorCode candidate : values()) {
            if (candidate.code.equals(code)) {
                return candidate;
            }
        }
        return INTERNAL;
    }
}
