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
import java.util.Optional;
import java.util.Set;
import org.carevault.application.consent.LinkRequest;
import org.carevault.application.consent.Registered;
import org.carevault.application.consent.TherapeuticLinkService;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.Role;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.LinkKind;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.ProofType;
import org.carevault.domain.consent.TherapeuticLink;
import org.carevault.interfaces.rest.PatientViews.LinkView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Therapeutic relationships: GET (GetTherapeuticLink), POST (PutTherapeuticLink: 201 with Location,
 * or 200 with the existing one), DELETE {linkId} (RevokeTherapeuticLink). Body of POST:
 * {@code {"kind": "REGULAR", "proof": "EID_READING", "start"?, "end"?}} for one's own relationship;
 * a patient adds {@code "party": {"type": "SSIN"|"NIHII", "id": "…"}, "role": "PHYSICIAN"}.
 */
@Path("/patients/{patientRef}/therapeutic-links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TherapeuticLinkResource {

    private static final Set<String> FIELDS = RequestBodies.fields(RequestBodies.Link.class);

    @Inject
    private RestCaller restCaller;

    @EJB
    private TherapeuticLinkService links;

    @Context
    private UriInfo uri;

    @Operation(summary = "List therapeutic relationships (GetTherapeuticLink)",
            description = "Current relationships: all of them for the patient, only the caller's own for a professional or hospital.")
    @GET
    public List<LinkView> list(@PathParam("patientRef") String patientRef) {
        return links.list(restCaller.current(), PatientRef.parse(patientRef)).stream().map(LinkView::of).toList();
    }

    @Operation(summary = "Register a therapeutic relationship (PutTherapeuticLink)",
            description = "{\"kind\": \"REGULAR\", \"proof\": \"EID_READING\", \"start\"?, \"end\"?} for the caller's own relationship; a patient adds \"party\": {\"type\", \"id\"} and \"role\". A relationship lasts as long as its kind allows, or until end. 201 with Location, or 200 with the existing one.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @APIResponse(responseCode = "200", description = "The same relationship already exists: it, unchanged")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("patientRef") String patientRef,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestBodies.Link.class)))
            JsonObject body) {
        PatientRef patient = PatientRef.parse(patientRef);
        JsonInput input = JsonInput.of(body, FIELDS);
        Optional<PartyKey> party = input.object("party", RequestBodies.fields(RequestBodies.Party.class)).map(Parties::of);
        LinkRequest request = new LinkRequest(input.requiredChoice("kind", LinkKind.class),
                input.requiredChoice("proof", ProofType.class), party, input.choice("role", Role.class),
                input.instant("start"), input.instant("end"));
        Registered<TherapeuticLink> registered = links.put(restCaller.current(), patient, request);
        LinkView view = LinkView.of(registered.value());
        return registered.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build()
                : Response.ok(view).build();
    }

    @Operation(summary = "End a therapeutic relationship (RevokeTherapeuticLink)",
            description = "The patient can end any of their relationships, a professional its own.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("/{linkId}")
    public Response revoke(@PathParam("patientRef") String patientRef, @PathParam("linkId") String linkId) {
        links.revoke(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(linkId));
        return Response.noContent().build();
    }
}
