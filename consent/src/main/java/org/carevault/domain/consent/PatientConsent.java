package org.carevault.domain.consent;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A patient's informed consent to the sharing of their data: who recorded it and with which proof
 * (none when the patient did it themselves), when, and its revocation. A revoked consent stays as
 * history; giving consent again is a new one.
 */
@Entity
@Table(name = "patient_consent")
public class PatientConsent extends RevocableFact {

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "granted_by_type")),
        @AttributeOverride(name = "id", column = @Column(name = "granted_by_id")),
        @AttributeOverride(name = "role", column = @Column(name = "granted_by_role"))})
    private Actor grantedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "proof", length = 24)
    private ProofType proof;

    protected PatientConsent() {
        // for JPA
    }

    public PatientConsent(PatientRef patient, Actor grantedBy, ProofType proof, Instant at) {
        super(patient);
        this.grantedBy = grantedBy;
        this.proof = proof;
        this.grantedAt = at;
    }

    public boolean active() {
        return !revoked();
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Actor grantedBy() {
        return grantedBy;
    }

    public Optional<ProofType> proof() {
        return Optional.ofNullable(proof);
    }
}
