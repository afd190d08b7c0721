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
import org.carevault.application.audit.AuditTrailService;
import org.carevault.crypto.identity.InvalidIdentifierException;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.PartyId;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.rest.PatientViews.AuditEntryView;
import org.carevault.interfaces.rest.PatientViews.AuditTrailView;

/**
 * GetPatientAuditTrail: {@code GET /patients/{patientRef}/audit-trail?from=&to=&partyType=&partyId=&breakTheGlass=&offset=&limit=},
 * newest first; for the patient or an operator. {@code breakTheGlass=true} lists only the emergency
 * accesses: the patient's notifications.
 */
@Path("/patients/{patientRef}/audit-trail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {

    @Inject
    private RestCaller restCaller;

    @EJB
    private AuditTrailService trails;

    @GET
    public AuditTrailView trail(@PathParam("patientRef") String patientRef, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("partyType") String partyType, @QueryParam("partyId") String partyId,
            @QueryParam("breakTheGlass") @DefaultValue("false") boolean breakTheGlassOnly,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        PatientRef patient = PatientRef.parse(patientRef);
        Optional<PartyKey> party = party(partyType, partyId);
        var entries = trails.trail(restCaller.current(), patient, time("from", from), time("to", to), party, breakTheGlassOnly,
                offset, limit)
                .stream().map(AuditEntryView::of).toList();
        return new AuditTrailView(patient.value(), offset, limit, entries);
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
