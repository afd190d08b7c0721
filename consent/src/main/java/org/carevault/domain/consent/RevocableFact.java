package org.carevault.domain.consent;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What consent, relationships and exclusions share: an id, the patient they are about, and a
 * revocation (when, by whom) that is recorded once and never undone — a revoked fact stays as history.
 */
@MappedSuperclass
public abstract class RevocableFact {

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "patient_ref", length = 24, nullable = false)
    @Convert(converter = PatientRefColumn.class)
    private PatientRef patientRef;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "revoked_by_type")),
        @AttributeOverride(name = "id", column = @Column(name = "revoked_by_id")),
        @AttributeOverride(name = "role", column = @Column(name = "revoked_by_role"))})
    private Actor revokedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RevocableFact() {
        // for JPA
    }

    protected RevocableFact(PatientRef patient) {
        this.id = UUID.randomUUID();
        this.patientRef = patient;
    }

    /** Revokes once; revoking again changes nothing. */
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
        return patientRef;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<Actor> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }

    protected boolean revoked() {
        return revokedAt != null;
    }
}
