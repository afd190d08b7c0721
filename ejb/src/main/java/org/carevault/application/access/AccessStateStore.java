package org.carevault.application.access;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.access.PatientAccessState;
import org.carevault.domain.consent.PatientProxy;
import org.carevault.domain.consent.PatientRecord;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.TherapeuticExclusion;
import org.carevault.domain.consent.TherapeuticLink;

/** Reads a patient's access state from the database, and takes the per-patient lock for changes. */
@Stateless
public class AccessStateStore {

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    /** The patient's change count: 0 until the first change, then one more per changing transaction. */
    public long changes(PatientRef patient) {
        List<Long> found = em.createQuery("select r.changes from PatientRecord r where r.patientRef = :p", Long.class)
                .setParameter("p", patient.value()).getResultList();
        return found.isEmpty() ? 0 : found.get(0);
    }

    public PatientAccessState load(PatientRef patient, Instant now) {
        boolean consent = !em.createQuery("select c.id from PatientConsent c where c.patientRef = :p and c.revokedAt is null")
                .setParameter("p", patient).setMaxResults(1).getResultList().isEmpty();
        List<PatientAccessState.Relationship> relationships = em.createQuery(
                "select l from TherapeuticLink l where l.patientRef = :p and l.revokedAt is null and l.end > :now",
                TherapeuticLink.class).setParameter("p", patient).setParameter("now", now).getResultList()
                .stream().map(TherapeuticLink::asRelationship).toList();
        Set<PartyKey> exclusions = em.createQuery(
                "select x from TherapeuticExclusion x where x.patientRef = :p and x.revokedAt is null",
                TherapeuticExclusion.class).setParameter("p", patient).getResultList()
                .stream().map(TherapeuticExclusion::party).collect(Collectors.toSet());
        List<PatientAccessState.Proxy> proxies = em.createQuery(
                "select x from PatientProxy x where x.patientRef = :p and x.revokedAt is null", PatientProxy.class)
                .setParameter("p", patient).getResultList().stream().map(PatientProxy::asProxy).toList();
        return new PatientAccessState(consent, relationships, exclusions, proxies);
    }

    /**
     * Locks the patient's record for the rest of the transaction (creating it on the first change),
     * so that concurrent changes to one patient happen one after the other.
     */
    public void lockForChange(PatientRef patient, Instant now) {
        PatientRecord record = em.find(PatientRecord.class, patient.value(), LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            em.persist(new PatientRecord(patient, now));
            em.flush();
            record = em.find(PatientRecord.class, patient.value(), LockModeType.PESSIMISTIC_WRITE);
        }
        record.changed(now);
    }
}
