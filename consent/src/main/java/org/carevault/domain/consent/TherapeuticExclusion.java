package org.carevault.domain.consent;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.carevault.domain.access.PartyKey;

/**
 * The patient's exclusion of a professional (by SSIN, in all their qualities) or an organisation
 * (by NIHII): it refuses that party everything about the patient, relationship and break-the-glass
 * included, until the patient lifts it.
 */
@Entity
@Table(name = "therapeutic_exclusion")
public class TherapeuticExclusion {

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "patient_ref", length = 24, nullable = false)
    private String patientRef;

    @Column(name = "party_type", length = 8, nullable = false)
    private String partyType;

    @Column(name = "party_id", length = 16, nullable = false)
    private String partyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "created_by_type")),
        @AttributeOverride(name = "id", column = @Column(name = "created_by_id")),
        @AttributeOverride(name = "role", column = @Column(name = "created_by_role"))})
    private Actor createdBy;

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

    protected TherapeuticExclusion() {
        // for JPA
    }

    public TherapeuticExclusion(PatientRef patient, PartyKey party, Actor createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.patientRef = patient.value();
        this.partyType = party.type();
        this.partyId = party.value();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void revoke(Actor by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    public boolean active() {
        return revokedAt == null;
    }

    public UUID id() {
        return id;
    }

    public PatientRef patient() {
        return new PatientRef(patientRef);
    }

    public PartyKey party() {
        return new PartyKey(partyType, partyId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Actor createdBy() {
        return createdBy;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
