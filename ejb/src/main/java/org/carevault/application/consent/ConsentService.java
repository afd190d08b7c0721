package org.carevault.application.consent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.carevault.domain.consent.Actor;
import org.carevault.domain.consent.PatientConsent;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.ProofType;

/**
 * Informed consent (GetPatientConsent / PutPatientConsent / RevokePatientConsent). The patient
 * records it themselves; a professional records or revokes it on the patient's behalf only with a
 * proof of the patient's presence (eID or ISI+ reading, eID signature).
 */
@Stateless
public class ConsentService {

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @Inject
    private AccessControl access;

    @Inject
    private AccessStateCache cache;

    /** The active consent, if any. */
    @Checked(action = "GetPatientConsent", data = DataType.CONSENT, operation = Operation.READ)
    public Optional<PatientConsent> get(Caller caller, @OfPatient PatientRef patient) {
        return active(patient);
    }

    /** The consent's history, newest first (the patient's own view). */
    @Checked(action = "GetPatientConsent", data = DataType.CONSENT, operation = Operation.READ)
    public List<PatientConsent> history(Caller caller, @OfPatient PatientRef patient) {
        return em.createQuery("select c from PatientConsent c where c.patientRef = :p order by c.grantedAt desc",
                PatientConsent.class).setParameter("p", patient).getResultList();
    }

    /** Gives consent; giving it again while it is active changes nothing and returns the active one. */
    @Checked(action = "PutPatientConsent", data = DataType.CONSENT, operation = Operation.WRITE, strongAuthentication = true)
    public Registered<PatientConsent> put(Caller caller, @OfPatient PatientRef patient, Optional<ProofType> proof) {
        Optional<ProofType> checked = requireProof(caller, proof);
        Instant now = Instant.now();
        cache.beginChange(patient, now);
        Optional<PatientConsent> existing = active(patient);
        if (existing.isPresent()) {
            access.recordChange(existing.get().id().toString());
            return new Registered<>(existing.get(), false);
        }
        PatientConsent consent = new PatientConsent(patient, access.actorOf(caller), checked.orElse(null), now);
        em.persist(consent);
        access.recordChange(consent.id().toString());
        return new Registered<>(consent, true);
    }

    /** Withdraws consent at once, for every professional; there must be an active consent. */
    @Checked(action = "RevokePatientConsent", data = DataType.CONSENT, operation = Operation.WRITE, strongAuthentication = true)
    public PatientConsent revoke(Caller caller, @OfPatient PatientRef patient, Optional<ProofType> proof) {
        requireProof(caller, proof);
        Instant now = Instant.now();
        cache.beginChange(patient, now);
        PatientConsent consent = active(patient).orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND,
                "There is no active consent to revoke"));
        consent.revoke(access.actorOf(caller), now);
        access.recordChange(consent.id().toString());
        return consent;
    }

    private Optional<PatientConsent> active(PatientRef patient) {
        return em.createQuery("select c from PatientConsent c where c.patientRef = :p and c.revokedAt is null",
                PatientConsent.class).setParameter("p", patient).getResultStream().findFirst();
    }

    /** A professional acts for the patient only with a proof a professional can present; the patient needs none. */
    static Optional<ProofType> requireProof(Caller caller, Optional<ProofType> proof) {
        if (caller.role() == Role.PATIENT) {
            return Optional.empty();
        }
        if (proof.isEmpty() || !proof.get().byProfessional() || proof.get() == ProofType.HOSPITAL_ADMISSION
                && caller.role() != Role.HOSPITAL) {
            throw new CareVaultException(ErrorCode.PROOF_REQUIRED);
        }
        return proof;
    }
}
