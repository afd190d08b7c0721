package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.carevault.application.consent.ExclusionService;
import org.carevault.application.consent.Registered;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.TherapeuticExclusion;
import org.carevault.interfaces.rest.PatientViews.ExclusionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The patient's exclusions: GET, POST {@code {"party": {"type": "SSIN"|"NIHII", "id": "…"}}} (201, or
 * 200 when already excluded), DELETE {exclusionId}.
 */
@Path("/patients/{patientRef}/exclusions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExclusionResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private ExclusionService exclusions;

    @Context
    private UriInfo uri;

    @Operation(summary = "List the patient's exclusions",
            description = "The care providers and organisations the patient has excluded from their data.")
    @GET
    public List<ExclusionView> list(@PathParam("patientRef") String patientRef) {
        return exclusions.list(restCaller.current(), PatientRef.parse(patientRef)).stream().map(ExclusionView::of).toList();
    }

    @Operation(summary = "Exclude a care provider or organisation",
            description = "By the patient: {\"party\": {\"type\": \"SSIN\"|\"NIHII\", \"id\": \"…\"}}. The excluded party is refused from then on, even with a therapeutic relationship (break-the-glass excepted). 201, or 200 when already excluded.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @APIResponse(responseCode = "200", description = "The same exclusion already exists: it, unchanged")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("patientRef") String patientRef,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Exclusion.class)))
            JsonObject body) {
        PatientRef patient = PatientRef.parse(patientRef);
        JsonInput party = JsonInput.of(body, RequestBodies.fields(RequestBodies.Exclusion.class)).object("party", RequestBodies.fields(RequestBodies.Party.class))
                .orElseThrow(() -> new CareVaultException(ErrorCode.REQUEST_INVALID,
                        "'party' is required"));
        Registered<TherapeuticExclusion> registered = exclusions.put(restCaller.current(), patient, Parties.of(party));
        ExclusionView view = ExclusionView.of(registered.value());
        return registered.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build()
                : Response.ok(view).build();
    }

    @Operation(summary = "Lift an exclusion",
            description = "By the patient.")
    @APIResponse(responseCode = "204", description = "Lifted")
    @DELETE
    @Path("/{exclusionId}")
    public Response revoke(@PathParam("patientRef") String patientRef, @PathParam("exclusionId") String exclusionId) {
        exclusions.revoke(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(exclusionId));
        return Response.noContent().build();
    }
}
