package org.carevault.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.carevault.application.vault.PushedDocumentService;
import org.carevault.application.vault.PushedDocuments.Entry;
import org.carevault.domain.ObjectIds;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.VaultViews.DocumentView;

/**
 * What the resources of documents pushed one transaction at a time share (Sumehrs, vaccinations): {@code POST} (KMEHR;
 * 201 with Location and the metadata), {@code GET} (the list, metadata only, newest first, {@code latest} on the newest
 * active one), {@code GET /{id}} (the KMEHR exactly as pushed), {@code DELETE /{id}} (its author revokes it). Each
 * subclass declares its path and its four operations (so that each is described in its own words) and names its
 * service; the decisions are the service's.
 */
abstract class PushedDocumentResource {

    @Inject
    RestCaller restCaller;

    @Context
    UriInfo uri;

    /** The service of this resource's kind. */
    abstract PushedDocumentService service();

    Response pushed(String patientRef, String breakTheGlass, byte[] kmehr) {
        Entry entry = service().put(restCaller.current(), PatientRef.parse(patientRef), kmehr == null ? new byte[0] : kmehr,
                Optional.ofNullable(breakTheGlass));
        return Response.created(uri.getAbsolutePathBuilder().path(entry.id().toString()).build())
                .entity(DocumentView.of(entry)).build();
    }

    List<DocumentView> listed(String patientRef, String breakTheGlass) {
        return service().list(restCaller.current(), PatientRef.parse(patientRef), Optional.ofNullable(breakTheGlass)).stream()
                .map(DocumentView::of).toList();
    }

    Response read(String patientRef, String id, String breakTheGlass) {
        String kmehr = service().get(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(id),
                Optional.ofNullable(breakTheGlass));
        return Response.ok(kmehr, MediaType.APPLICATION_XML + ";charset=UTF-8").build();
    }

    Response revoked(String patientRef, String id, String breakTheGlass) {
        service().revoke(restCaller.current(), PatientRef.parse(patientRef), ObjectIds.parse(id), Optional.ofNullable(breakTheGlass));
        return Response.noContent().build();
    }
}
