package org.carevault.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import org.carevault.domain.ErrorCode;

/** An RFC 9457 problem document carrying the error's stable code. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response response(ErrorCode code, String detail, String instance) {
        return Response.status(HttpStatuses.of(code)).type(MEDIA_TYPE).entity(json(code, detail, instance)).build();
    }

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
