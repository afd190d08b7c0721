package org.carevault.interfaces.rest;

import jakarta.json.Json;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.VersionConflictException;

/** 412 with the current version: in the problem ({@code currentVersion}) and as the ETag to retry with. */
@Provider
public class VersionConflictMapper implements ExceptionMapper<VersionConflictException> {

    @Override
    public Response toResponse(VersionConflictException e) {
        ErrorCode code = e.errorCode();
        String body = Json.createObjectBuilder(Json.createReader(new StringReader(Problem.json(code, e.detail(), null)))
                .readObject()).add("currentVersion", e.currentVersion()).build().toString();
        return Response.status(HttpStatuses.of(code)).type(Problem.MEDIA_TYPE).entity(body)
                .tag(new EntityTag(Long.toString(e.currentVersion()))).build();
    }
}
