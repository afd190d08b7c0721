package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.carevault.application.access.PatientDirectory;
import org.carevault.interfaces.rest.PatientViews.PatientRefView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code POST /patients/resolve}: the one place an SSIN is sent, in the body, never in a URL; the
 * answer is the patient reference used in every other path.
 */
@Path("/patients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private PatientDirectory directory;

    @Operation(summary = "Resolve a patient",
            description = "{\"ssin\": \"…\"}: the patient reference (patientRef) used in every other path, so that an SSIN never travels in a URL or a log.")
    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public PatientRefView resolve(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Resolve.class)))
            JsonObject body) {
        String ssin = JsonInput.of(body, RequestBodies.fields(RequestBodies.Resolve.class)).requiredText("ssin");
        return new PatientRefView(directory.resolve(restCaller.current(), ssin).value());
    }
}
