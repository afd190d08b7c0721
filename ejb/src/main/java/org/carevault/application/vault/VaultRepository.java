package org.carevault.application.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carevault.domain.consent.PatientRef;

/**
 * The vault's rows, in one place: the medication scheme's head, versions and elements, and the pushed documents, Sumehrs and vaccinations (all sealed; the
 * keys are {@link VaultKeys}'). It runs in the calling service's transaction.
 */
@ApplicationScoped
public class VaultRepository {

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    Optional<SchemeHead> head(PatientRef patient) {
        return Optional.ofNullable(em.find(SchemeHead.class, patient.value()));
    }

    /** The head, locked until the transaction ends: one writer of a patient's scheme at a time. */
    Optional<SchemeHead> lockedHead(PatientRef patient) {
        return Optional.ofNullable(em.find(SchemeHead.class, patient.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    /** A first head at version 1, written at once (a concurrent first write fails here: a PersistenceException). */
    void createHead(PatientRef patient, Instant now) {
        em.persist(new SchemeHead(patient.value(), 1, now));
        em.flush();
    }

    /** Moves the head from the version it is at to the next; false when it was not at that version any more. */
    boolean advanceHead(PatientRef patient, long current, Instant now) {
        return em.createQuery("update SchemeHead h set h.version = :next, h.updatedAt = :now"
                + " where h.patientRef = :p and h.version = :based")
                .setParameter("next", current + 1).setParameter("now", now).setParameter("p", patient.value())
                .setParameter("based", current).executeUpdate() == 1;
    }

    Optional<SchemeVersion> version(PatientRef patient, long version) {
        return Optional.ofNullable(em.find(SchemeVersion.class, new SchemeVersion.Key(patient.value(), version)));
    }

    /** Every version, newest first. */
    List<SchemeVersion> versions(PatientRef patient) {
        return em.createQuery("select v from SchemeVersion v where v.key.patientRef = :p order by v.key.version desc",
                SchemeVersion.class).setParameter("p", patient.value()).getResultList();
    }

    /** The vault ids of every element the patient's scheme ever had. */
    Set<UUID> elementIds(PatientRef patient) {
        return new HashSet<>(em.createQuery("select distinct e.elementId from SchemeElement e where e.key.patientRef = :p",
                UUID.class).setParameter("p", patient.value()).getResultList());
    }

    /** A version's element rows, in their order (versions stored before whole-version records). */
    List<SchemeElement> elements(PatientRef patient, long version) {
        return em.createQuery("select e from SchemeElement e where e.key.patientRef = :p"
                + " and e.key.version = :v order by e.key.position", SchemeElement.class)
                .setParameter("p", patient.value()).setParameter("v", version).getResultList();
    }

    /** Stores a new version with its elements, written at once. */
    void store(SchemeVersion version, List<SchemeElement> elements) {
        elements.forEach(em::persist);
        em.persist(version);
        em.flush();
    }

    void store(PushedDocument document) {
        em.persist(document);
    }

    /** The patient's document of that type with that id (another patient's is not found). */
    <T extends PushedDocument> Optional<T> document(Class<T> type, PatientRef patient, UUID id) {
        return Optional.ofNullable(em.find(type, id)).filter(d -> d.patientRef().equals(patient));
    }

    /** The patient's documents of that type (the entity's name is its class's), newest first. */
    <T extends PushedDocument> List<T> documents(Class<T> type, PatientRef patient) {
        return em.createQuery("select d from " + type.getSimpleName() + " d where d.patientRef = :p order by d.submittedAt desc",
                type).setParameter("p", patient).getResultList();
    }
}
