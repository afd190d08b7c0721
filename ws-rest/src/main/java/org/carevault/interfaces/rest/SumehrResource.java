package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.carevault.application.vault.SumehrService.Entry;
import org.carevault.application.vault.SumehrService;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.VaultViews.SumehrView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Sumehr summaries: {@code POST} (KMEHR; 201 with Location and the metadata), {@code GET} (the list,
 * metadata only, newest first, {@code latest} on the newest active one), {@code GET /{id}} (the KMEHR
 * exactly as pushed), {@code DELETE /{id}} (its author revokes it).
 */
@Path("/patients/{patientRef}/sumehrs")
@RequestScoped
public class SumehrResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private SumehrService sumehrs;

    @Context
    private UriInfo uri;

    @Operation(summary = "Push a Sumehr (PutTransaction)",
            description = "The summarised electronic health record as KMEHR, by its author; 201 with Location and the metadata. The newest active one is the latest.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @POST
    @Consumes(MediaType.APPLICATION_XML)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass, byte[] kmehr) {
        Entry entry = sumehrs.put(restCaller.current(), PatientRef.parse(patientRef), kmehr == null ? new byte[0] : kmehr,
                Optional.ofNullable(breakTheGlass));
        return Response.created(uri.getAbsolutePathBuilder().path(entry.id().toString()).build())
                .entity(SumehrView.of(entry)).build();
    }

    @Operation(summary = "List the patient's Sumehrs (GetTransactionList)",
            description = "Metadata only, newest first; latest marks the newest active one.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<SumehrView> list(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return sumehrs.list(restCaller.current(), PatientRef.parse(patientRef), Optional.ofNullable(breakTheGlass)).stream()
                .map(SumehrView::of).toList();
    }

    @Operation(summary = "Read a Sumehr (GetTransaction)",
            description = "The KMEHR exactly as pushed.")
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_XML)
    public Response get(@PathParam("patientRef") String patientRef, @PathParam("id") String id,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        String kmehr = sumehrs.get(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(id),
                Optional.ofNullable(breakTheGlass));
        return Response.ok(kmehr, MediaType.APPLICATION_XML + ";charset=UTF-8").build();
    }

    @Operation(summary = "Revoke a Sumehr (RevokeTransaction)",
            description = "By its author: it is no longer listed as active.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("patientRef") String patientRef, @PathParam("id") String id,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        sumehrs.revoke(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(id), Optional.ofNullable(breakTheGlass));
        return Response.noContent().build();
    }
}
