package org.carevault.interfaces.rest;

import org.carevault.domain.ErrorCode;

/**
 * The HTTP status of each error on the REST wire (the domain's error codes know nothing of HTTP). A switch without a
 * default: a new error code does not compile until its status is chosen here.
 */
final class HttpStatuses {

    private HttpStatuses() {
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case REQUEST_MALFORMED, REQUEST_INVALID, BREAK_GLASS_REASON_INVALID, PROOF_REQUIRED, KMEHR_INVALID,
                    PATIENT_MISMATCH, ELEMENT_UNKNOWN, TOKEN_INVALID, SENDER_MISMATCH, SEALED_CONTENT_INVALID,
                    TOO_MANY_IDS -> 400;
            case NOT_AUTHENTICATED, MESSAGE_SECURITY_INVALID, ASSERTION_UNTRUSTED, ASSERTION_EXPIRED, HOLDER_OF_KEY_MISMATCH,
                    ASSERTION_IDENTITY_MISMATCH, STRONG_AUTHENTICATION_REQUIRED -> 401;
            case CALLER_IDENTITY_INVALID, CALLER_ROLE_MISSING, ROLE_NOT_ALLOWED, NO_CONSENT,
                    NO_THERAPEUTIC_RELATIONSHIP, EXCLUDED, NOT_AUTHOR, NOT_MANDATED -> 403;
            case NOT_FOUND, RECIPIENT_UNKNOWN -> 404;
            case METHOD_NOT_ALLOWED, OPERATION_NOT_SUPPORTED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT, PUBLICATION_REUSED -> 409;
            case VERSION_CONFLICT -> 412;
            case REQUEST_TOO_LARGE, MESSAGE_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case RECIPIENT_WITHOUT_TOKEN -> 422;
            case VERSION_REQUIRED -> 428;
            case INTERNAL -> 500;
            case UNAVAILABLE -> 503;
        };
    }
}
