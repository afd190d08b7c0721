package org.carevault.interfaces.rest;

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
import java.util.UUID;
import org.carevault.application.vault.PushedDocuments.Entry;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.VaultViews.DocumentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Documents pushed one transaction at a time (Sumehrs, vaccinations): {@code POST} (KMEHR; 201 with Location and the
 * metadata), {@code GET} (the list, metadata only, newest first, {@code latest} on the newest active one),
 * {@code GET /{id}} (the KMEHR exactly as pushed), {@code DELETE /{id}} (its author revokes it). Each subclass names its
 * path and its service; the decisions are the service's.
 */
public abstract class PushedDocumentResource {

    @Inject
    RestCaller restCaller;

    @Context
    UriInfo uri;

    abstract Entry put(Caller caller, PatientRef patient, byte[] kmehr, Optional<String> breakTheGlass);

    abstract List<Entry> list(Caller caller, PatientRef patient, Optional<String> breakTheGlass);

    abstract String get(Caller caller, PatientRef patient, UUID id, Optional<String> breakTheGlass);

    abstract void revoke(Caller caller, PatientRef patient, UUID id, Optional<String> breakTheGlass);

    @Operation(summary = "Push a document (PutTransaction)",
            description = "One KMEHR message holding one transaction of the path's kind (a sumehr, a vaccination), by its author; 201 with Location and the metadata. The newest active one is the latest.")
    @APIResponse(responseCode = "201", description = "Created: the new resource, its URI in Location")
    @POST
    @Consumes(MediaType.APPLICATION_XML)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass, byte[] kmehr) {
        Entry entry = put(restCaller.current(), PatientRef.parse(patientRef), kmehr == null ? new byte[0] : kmehr,
                Optional.ofNullable(breakTheGlass));
        return Response.created(uri.getAbsolutePathBuilder().path(entry.id().toString()).build())
                .entity(DocumentView.of(entry)).build();
    }

    @Operation(summary = "List the patient's documents of the path's kind (GetTransactionList)",
            description = "Metadata only, newest first; latest marks the newest active one.")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<DocumentView> entries(@PathParam("patientRef") String patientRef,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        return list(restCaller.current(), PatientRef.parse(patientRef), Optional.ofNullable(breakTheGlass)).stream()
                .map(DocumentView::of).toList();
    }

    @Operation(summary = "Read a document (GetTransaction)",
            description = "The KMEHR exactly as pushed.")
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_XML)
    public Response read(@PathParam("patientRef") String patientRef, @PathParam("id") String id,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        String kmehr = get(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(id),
                Optional.ofNullable(breakTheGlass));
        return Response.ok(kmehr, MediaType.APPLICATION_XML + ";charset=UTF-8").build();
    }

    @Operation(summary = "Revoke a document (RevokeTransaction)",
            description = "By its author: it is no longer listed as active.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("/{id}")
    public Response withdraw(@PathParam("patientRef") String patientRef, @PathParam("id") String id,
            @HeaderParam(AccessDecisionResource.BREAK_THE_GLASS) String breakTheGlass) {
        revoke(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(id), Optional.ofNullable(breakTheGlass));
        return Response.noContent().build();
    }
}
