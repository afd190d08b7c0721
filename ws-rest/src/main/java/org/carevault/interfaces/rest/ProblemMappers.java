package org.carevault.interfaces.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.LogSafe;
import org.jboss.logging.Logger;

/** Maps every exception to an RFC 9457 problem with a stable code; nothing internal reaches the caller. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    @Provider
    public static class CareVault implements ExceptionMapper<CareVaultException> {
        @Override
        public Response toResponse(CareVaultException e) {
            return Problem.response(e.errorCode(), e.detail(), null);
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof CareVaultException cause) {
                return Problem.response(cause.errorCode(), cause.detail(), null);
            }
            if (e.getResponse() != null && e.getResponse().getStatus() >= 500) {
                return Unexpected.incident(e);
            }
            ErrorCode code;
            if (e instanceof NotFoundException) {
                code = ErrorCode.NOT_FOUND;
            } else if (e instanceof NotAllowedException) {
                code = ErrorCode.METHOD_NOT_ALLOWED;
            } else if (e instanceof NotSupportedException) {
                code = ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            } else if (e instanceof NotAcceptableException) {
                code = ErrorCode.NOT_ACCEPTABLE;
            } else if (e instanceof NotAuthorizedException) {
                code = ErrorCode.NOT_AUTHENTICATED;
            } else if (e instanceof ForbiddenException) {
                code = ErrorCode.ROLE_NOT_ALLOWED;
            } else if (e instanceof BadRequestException) {
                code = ErrorCode.REQUEST_MALFORMED;
            } else {
                code = ErrorCode.REQUEST_INVALID;
            }
            return Problem.response(code, null, null);
        }
    }

    /** Unreadable bodies: broken JSON, wrong JSON types. */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.response(ErrorCode.REQUEST_MALFORMED, null, null);
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return Problem.response(ErrorCode.REQUEST_MALFORMED, null, null);
        }
    }

    @Provider
    public static class Jsonb implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.response(ErrorCode.REQUEST_MALFORMED, null, null);
        }
    }

    /** Anything else is a defect: logged with an incident id the caller can quote, never echoed. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return incident(e);
        }

        static Response incident(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf("CV-SYS-001 unexpected error, incident %s: %s", incident, LogSafe.describe(e));
            return Problem.response(ErrorCode.INTERNAL, null, "urn:uuid:" + incident);
        }
    }
}
