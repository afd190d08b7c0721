package org.carevault.domain;

/**
 * Every error a caller can receive, with a stable code, the HTTP status it maps to on REST and a
 * short title safe to show (no internals, no patient data). SOAP faults carry the same codes.
 * Codes are never reused; a test checks they are unique.
 */
public enum ErrorCode {
    NOT_AUTHENTICATED("CV-AUTH-001", 401, "Authentication is required"),
    CALLER_IDENTITY_INVALID("CV-AUTH-002", 403, "The credentials do not carry a valid care identity"),
    CALLER_ROLE_MISSING("CV-AUTH-003", 403, "The credentials do not carry exactly one role"),
    ROLE_NOT_ALLOWED("CV-AUTH-004", 403, "The caller's role may not use this operation"),
    MESSAGE_SECURITY_INVALID("CV-AUTH-005", 401, "The message security could not be verified"),

    REQUEST_MALFORMED("CV-REQ-001", 400, "The request body is not well-formed"),
    REQUEST_INVALID("CV-REQ-002", 400, "The request is not valid"),
    REQUEST_TOO_LARGE("CV-REQ-003", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("CV-REQ-004", 415, "The request media type is not supported"),
    NOT_FOUND("CV-REQ-005", 404, "No such resource"),
    METHOD_NOT_ALLOWED("CV-REQ-006", 405, "The method is not allowed on this resource"),
    NOT_ACCEPTABLE("CV-REQ-007", 406, "The requested media type cannot be produced"),

    NO_CONSENT("CV-CONSENT-001", 403, "The patient has not given informed consent"),
    NO_THERAPEUTIC_RELATIONSHIP("CV-CONSENT-002", 403, "There is no active therapeutic relationship with the patient"),
    EXCLUDED("CV-CONSENT-003", 403, "The patient has excluded this caller"),
    BREAK_GLASS_REASON_INVALID("CV-CONSENT-004", 400, "A break-the-glass reason must have 10 to 200 characters"),
    PROOF_REQUIRED("CV-CONSENT-005", 400, "A proof of the patient's presence or agreement is required"),
    CONFLICT("CV-REQ-008", 409, "The request conflicts with the current state"),

    VERSION_CONFLICT("CV-VAULT-001", 412, "The write is based on a version that is not the current one"),
    VERSION_REQUIRED("CV-VAULT-002", 428, "A write must state the version it is based on"),
    KMEHR_INVALID("CV-VAULT-003", 400, "The KMEHR message is not accepted"),
    PATIENT_MISMATCH("CV-VAULT-004", 400, "The message's patient is not the patient addressed"),
    ELEMENT_UNKNOWN("CV-VAULT-005", 400, "An element id is not one of this patient's"),
    NOT_AUTHOR("CV-VAULT-006", 403, "Only the author may revoke this document"),

    RECIPIENT_UNKNOWN("CV-MAIL-001", 404, "A recipient is not known to the hub"),
    RECIPIENT_WITHOUT_TOKEN("CV-MAIL-002", 422, "A recipient has no valid encryption token"),
    TOKEN_INVALID("CV-MAIL-003", 400, "The encryption token is not valid or not signed by its owner"),
    SENDER_MISMATCH("CV-MAIL-004", 400, "The sealed content is not signed by the caller"),
    SEALED_CONTENT_INVALID("CV-MAIL-005", 400, "The content is not a sealed message the hub can authenticate"),
    MESSAGE_TOO_LARGE("CV-MAIL-006", 413, "The message is larger than the hub accepts"),
    TOO_MANY_IDS("CV-MAIL-007", 400, "At most 100 message ids per request"),
    PUBLICATION_REUSED("CV-MAIL-008", 409, "This publication id was already used for another message"),
    NOT_MANDATED("CV-MAIL-009", 403, "The caller holds no mandate for this box"),

    INTERNAL("CV-SYS-001", 500, "An internal error occurred"),
    UNAVAILABLE("CV-SYS-002", 503, "The service is temporarily unavailable");

    private final String code;
    private final int httpStatus;
    private final String title;

    ErrorCode(String code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
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
