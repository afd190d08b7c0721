package org.carevault.application.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.Actor;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.TherapeuticExclusion;

/**
 * The patient's exclusions (GetTherapeuticExclusion / PutTherapeuticExclusion /
 * RevokeTherapeuticExclusion) of a professional by SSIN or an organisation by NIHII.
 */
@Stateless
public class ExclusionService {


    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @Inject
    private AccessControl access;

    @Inject
    private AccessStateCache cache;

    @Checked(action = "GetTherapeuticExclusion", data = DataType.EXCLUSION, operation = Operation.READ)
    public List<TherapeuticExclusion> list(Caller caller, @OfPatient PatientRef patient) {
        return active(patient);
    }

    /** Excludes a party at once; excluding it again changes nothing. A patient cannot exclude themselves. */
    @Checked(action = "PutTherapeuticExclusion", data = DataType.EXCLUSION, operation = Operation.WRITE)
    public Registered<TherapeuticExclusion> put(Caller caller, @OfPatient PatientRef patient, PartyKey party) {
        if (party.equals(PartyKey.of(caller.id()))) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A patient cannot exclude themselves");
        }
        Instant now = Instant.now();
        cache.beginChange(patient, now);
        Optional<TherapeuticExclusion> existing = active(patient).stream().filter(x -> x.party().equals(party)).findFirst();
        if (existing.isPresent()) {
            access.recordChange(existing.get().id().toString());
            return new Registered<>(existing.get(), false);
        }
        TherapeuticExclusion exclusion = new TherapeuticExclusion(patient, party, access.actorOf(caller), now);
        em.persist(exclusion);
        access.recordChange(exclusion.id().toString());
        return new Registered<>(exclusion, true);
    }

    /** Lifts an exclusion; lifting a lifted one changes nothing; an unknown one is not found. */
    @Checked(action = "RevokeTherapeuticExclusion", data = DataType.EXCLUSION, operation = Operation.WRITE)
    public TherapeuticExclusion revoke(Caller caller, @OfPatient PatientRef patient, UUID exclusionId) {
        Instant now = Instant.now();
        cache.beginChange(patient, now);
        TherapeuticExclusion exclusion = em.find(TherapeuticExclusion.class, exclusionId);
        if (exclusion == null || !exclusion.patient().equals(patient)) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        exclusion.revoke(access.actorOf(caller), now);
        access.recordChange(exclusion.id().toString());
        return exclusion;
    }

    private List<TherapeuticExclusion> active(PatientRef patient) {
        return em.createQuery("select x from TherapeuticExclusion x where x.patientRef = :p and x.revokedAt is null"
                + " order by x.createdAt", TherapeuticExclusion.class).setParameter("p", patient).getResultList();
    }
}
