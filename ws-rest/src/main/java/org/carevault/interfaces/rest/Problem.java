package org.carevault.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import org.carevault.domain.Assurance;
import org.carevault.domain.ErrorCode;

/** An RFC 9457 problem document carrying the error's stable code. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /**
     * The problem as a response. A change that needs a second factor also carries RFC 9470's step-up challenge, so that
     * an OAuth client knows to send the user back to the authorization server asking for {@code acr_values=mfa}.
     */
    public static Response response(ErrorCode code, String detail, String instance) {
        Response.ResponseBuilder response = Response.status(HttpStatuses.of(code)).type(MEDIA_TYPE).entity(json(code, detail, instance));
        if (code == ErrorCode.STRONG_AUTHENTICATION_REQUIRED) {
            response.header("WWW-Authenticate", STEP_UP_CHALLENGE);
        }
        return response.build();
    }

    /** RFC 9470 section 3: the token's authentication is too weak for this change; {@code mfa} would do. */
    static final String STEP_UP_CHALLENGE = "Bearer error=\"insufficient_user_authentication\", "
            + "error_description=\"A second factor is required\", acr_values=\"" + Assurance.MULTI_FACTOR.acr() + "\"";

    public static String json(ErrorCode code, String detail, String instance) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "urn:carevault:error:" + code.code())
                .add("title", code.title())
                .add("status", HttpStatuses.of(code))
                .add("code", code.code());
        if (detail != null) {
            body.add("detail", detail);
        }
        if (instance != null) {
            body.add("instance", instance);
        }
        return body.build().toString();
    }
}
