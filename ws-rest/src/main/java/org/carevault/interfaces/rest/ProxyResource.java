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
import org.carevault.application.consent.ProxyService;
import org.carevault.application.consent.Registered;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.PatientViews.ProxyView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The patient's proxies: GET (revoked ones too, with {@code revokedAt}); POST {@code {"ssin": "…", "name": "…", "patientName": "…", "until": "…"}} (201, or 200
 * when already active) — by the patient (an appointed proxy; {@code patientName} is their login's) or by an
 * operator (a legal representative, e.g. a parent linked to a child; {@code patientName} required); DELETE {proxyId}.
 */
@Path("/patients/{patientRef}/proxies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProxyResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private ProxyService proxies;

    @Context
    private UriInfo uri;

    @Operation(summary = "List the patient's proxies",
            description = "Active and revoked proxies (with revokedAt) of the patient.")
    @GET
    public List<ProxyView> list(@PathParam("patientRef") String patientRef) {
        return proxies.list(restCaller.current(), PatientRef.parse(patientRef)).stream().map(ProxyView::of).toList();
    }

    @Operation(summary = "Appoint a proxy",
            description = "{\"ssin\": \"…\", \"name\": \"…\", \"patientName\": \"…\", \"until\": \"…\"}: by the patient (an appointed proxy) or by an operator (a legal representative, patientName required). The proxy may then act for the patient in the portal and the API. 201, or 200 when already active.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @APIResponse(responseCode = "200", description = "The same proxy already exists: it, unchanged")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("patientRef") String patientRef,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Proxy.class)))
            JsonObject body) {
        PatientRef patient = PatientRef.parse(patientRef);
        JsonInput input = JsonInput.of(body, RequestBodies.fields(RequestBodies.Proxy.class));
        Registered<ProxyService.View> registered = proxies.put(restCaller.current(), patient, new ProxyService.Request(
                input.requiredText("ssin"), input.requiredText("name"), input.text("patientName"), input.instant("until")));
        ProxyView view = ProxyView.of(registered.value());
        return registered.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build()
                : Response.ok(view).build();
    }

    @Operation(summary = "Revoke a proxy",
            description = "By the patient or an operator; the proxy's next request is refused.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("/{proxyId}")
    public Response revoke(@PathParam("patientRef") String patientRef, @PathParam("proxyId") String proxyId) {
        proxies.revoke(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(proxyId));
        return Response.noContent().build();
    }
}
