package org.carevault.application.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.access.AccessControl;
import org.carevault.application.access.AccessStateCache;
import org.carevault.domain.CareVaultException;
import org.carevault.application.access.Checked;
import org.carevault.application.access.OfPatient;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.Role;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.Actor;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.ProofType;
import org.carevault.domain.consent.TherapeuticLink;

/**
 * Therapeutic relationships (GetTherapeuticLink / PutTherapeuticLink / RevokeTherapeuticLink). A
 * professional or hospital registers its own relationship with a proof; the patient may declare
 * one; the patient can revoke any, a professional its own. A relationship lasts as long as its kind
 * allows, or less, and expires by itself.
 */
@Stateless
public class TherapeuticLinkService {


    /** A start this far in the past is accepted as clock skew between medical software and the hub. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @Inject
    private AccessControl access;

    @Inject
    private AccessStateCache cache;

    /** Current relationships: all of them for the patient, only its own for a professional or hospital. */
    @Checked(action = "GetTherapeuticLink", data = DataType.THERAPEUTIC_LINK, operation = Operation.READ)
    public List<TherapeuticLink> list(Caller caller, @OfPatient PatientRef patient) {
        return current(patient, Instant.now()).stream()
                .filter(link -> caller.role() == Role.PATIENT || ownedBy(link, caller)).toList();
    }

    @Checked(action = "PutTherapeuticLink", data = DataType.THERAPEUTIC_LINK, operation = Operation.WRITE)
    public Registered<TherapeuticLink> put(Caller caller, @OfPatient PatientRef patient, LinkRequest request) {
        Instant now = Instant.now();
        Actor party = partyOf(caller, request);
        Instant start = request.start().orElse(now);
        if (start.isBefore(now.minus(CLOCK_SKEW))) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A relationship cannot start in the past");
        }
        Instant end = request.end().orElse(request.kind().maximumEnd(start));
        if (!end.isAfter(start)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A relationship must end after it starts");
        }
        if (end.isAfter(request.kind().maximumEnd(start))) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The end is later than this kind of relationship allows");
        }
        cache.beginChange(patient, now);
        Optional<TherapeuticLink> existing = current(patient, now).stream()
                .filter(link -> link.party().party().equals(party.party()) && link.party().role() == party.role()
                        && link.kind() == request.kind())
                .findFirst();
        if (existing.isPresent()) {
            access.recordChange(existing.get().id().toString());
            return new Registered<>(existing.get(), false);
        }
        TherapeuticLink link = new TherapeuticLink(patient, party, request.kind(), request.proof(), start, end,
                access.actorOf(caller), now);
        em.persist(link);
        access.recordChange(link.id().toString());
        return new Registered<>(link, true);
    }

    /** Revokes at once; revoking a revoked relationship changes nothing. Unknown or not the caller's: not found. */
    @Checked(action = "RevokeTherapeuticLink", data = DataType.THERAPEUTIC_LINK, operation = Operation.WRITE, withdrawal = true)
    public TherapeuticLink revoke(Caller caller, @OfPatient PatientRef patient, UUID linkId) {
        Instant now = Instant.now();
        cache.beginChange(patient, now);
        TherapeuticLink link = em.find(TherapeuticLink.class, linkId);
        if (link == null || !link.patient().equals(patient) || caller.role() != Role.PATIENT && !ownedBy(link, caller)) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        link.revoke(access.actorOf(caller), now);
        access.recordChange(link.id().toString());
        return link;
    }

    private Actor partyOf(Caller caller, LinkRequest request) {
        if (caller.role() == Role.PATIENT) {
            if (request.proof() != ProofType.DECLARED_BY_PATIENT || request.party().isEmpty() || request.partyRole().isEmpty()
                    || !request.partyRole().get().isCareProvider()
                    || (request.partyRole().get() == Role.HOSPITAL) != "NIHII".equals(request.party().get().type())) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID,
                        "A patient declares a relationship with a named professional or hospital, with proof DECLARED_BY_PATIENT");
            }
            return new Actor(request.party().get(), request.partyRole().get());
        }
        if (request.party().isPresent() && !request.party().get().equals(PartyKey.of(caller.id()))
                || request.partyRole().isPresent() && request.partyRole().get() != caller.role()) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A professional registers only its own relationships");
        }
        boolean hospitalProof = request.proof() == ProofType.HOSPITAL_ADMISSION;
        if (!request.proof().byProfessional() || hospitalProof != (caller.role() == Role.HOSPITAL)) {
            throw new CareVaultException(ErrorCode.PROOF_REQUIRED);
        }
        return access.actorOf(caller);
    }

    private List<TherapeuticLink> current(PatientRef patient, Instant now) {
        return em.createQuery("select l from TherapeuticLink l where l.patientRef = :p and l.revokedAt is null"
                + " and l.end > :now order by l.start", TherapeuticLink.class)
                .setParameter("p", patient).setParameter("now", now).getResultList();
    }

    private static boolean ownedBy(TherapeuticLink link, Caller caller) {
        return link.party().party().equals(PartyKey.of(caller.id())) && link.party().role() == caller.role();
    }
}
