package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.carevault.application.trail.AuditTrailService;
import org.carevault.crypto.identity.InvalidIdentifierException;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.PartyId;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.PatientViews.AuditEntryView;
import org.carevault.interfaces.rest.PatientViews.AuditTrailView;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * GetPatientAuditTrail: {@code GET /patients/{patientRef}/audit-trail?from=&to=&partyType=&partyId=&breakTheGlass=&before=&offset=&limit=},
 * newest first; for the patient or an operator. {@code breakTheGlass=true} lists only the emergency
 * accesses: the patient's notifications. A full page names {@code nextBefore}: the next page is
 * {@code before=nextBefore} with the same filters (reading the trail adds to it, so paging by
 * {@code offset} would shift; the cursor does not).
 */
@Path("/patients/{patientRef}/audit-trail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private AuditTrailService trails;

    @Operation(summary = "Read the patient's audit trail (GetPatientAuditTrail)",
            description = "Every access decision about the patient, refusals too, newest first; for the patient, their proxy or an operator. Filters: from/to (RFC 3339 UTC), partyType (SSIN or NIHII) with partyId, breakTheGlass=true for the emergency accesses only. A full page names nextBefore: ask the next page with before=nextBefore and the same filters (reading the trail adds to it, so offset paging would shift; offset still works for a first page). limit is at most 500.")
    @GET
    public AuditTrailView trail(@PathParam("patientRef") String patientRef, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("partyType") String partyType, @QueryParam("partyId") String partyId,
            @QueryParam("breakTheGlass") @DefaultValue("false") boolean breakTheGlassOnly, @QueryParam("before") String before,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        PatientRef patient = PatientRef.parse(patientRef);
        Optional<PartyKey> party = party(partyType, partyId);
        Optional<Long> cursor = cursor(before);
        var entries = trails.trail(restCaller.current(), patient, time("from", from), time("to", to), party, breakTheGlassOnly,
                cursor, offset, limit)
                .stream().map(AuditEntryView::of).toList();
        int pageSize = Math.max(1, Math.min(AuditTrailService.MAX_PAGE, limit));
        // A full page may have more after it: the next page is the entries before this page's last one.
        Long nextBefore = entries.size() == pageSize ? entries.get(entries.size() - 1).seq() : null;
        return new AuditTrailView(patient.value(), offset, limit, cursor.orElse(null), nextBefore, entries);
    }

    /** A page cursor: the sequence number of the previous page's last entry. */
    static Optional<Long> cursor(String before) {
        if (before == null) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(before);
            if (value >= 0) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'before' must be an entry's sequence number (nextBefore of a page)");
    }

    private static Optional<Instant> time(String name, String value) {
        try {
            return Optional.ofNullable(value).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'" + name + "' must be an RFC 3339 UTC time");
        }
    }

    private static Optional<PartyKey> party(String type, String id) {
        if (type == null && id == null) {
            return Optional.empty();
        }
        try {
            if ("SSIN".equals(type) && id != null) {
                return Optional.of(PartyKey.of(PartyId.person(id)));
            }
            if ("NIHII".equals(type) && id != null) {
                return Optional.of(PartyKey.of(PartyId.organisation(id)));
            }
        } catch (InvalidIdentifierException e) {
            // reported below without the value
        }
        throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'partyType' (SSIN or NIHII) and a valid 'partyId' go together");
    }
}
