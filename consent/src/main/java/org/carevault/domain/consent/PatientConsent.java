package org.carevault.domain.consent;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's informed consent to the sharing of their data: who recorded it and with which proof
 * (none when the patient did it themselves), when, and its revocation. A revoked consent stays as
 * history; giving consent again is a new one.
 */
@Entity
@Table(name = "patient_consent")
public class PatientConsent {

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "patient_ref", length = 24, nullable = false)
    private String patientRef;

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

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "revoked_by_type", nullable = true)),
        @AttributeOverride(name = "id", column = @Column(name = "revoked_by_id", nullable = true)),
        @AttributeOverride(name = "role", column = @Column(name = "revoked_by_role", nullable = true))})
    private Actor revokedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PatientConsent() {
        // for JPA
    }

    public PatientConsent(PatientRef patient, Actor grantedBy, ProofType proof, Instant at) {
        this.id = UUID.randomUUID();
        this.patientRef = patient.value();
        this.grantedBy = grantedBy;
        this.proof = proof;
        this.grantedAt = at;
    }

    public void revoke(Actor by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    public UUID id() {
        return id;
    }

    public PatientRef patient() {
        return new PatientRef(patientRef);
    }

    public boolean active() {
        return revokedAt == null;
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

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<Actor> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }
}
