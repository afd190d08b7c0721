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
import org.carevault.domain.access.PatientAccessState;

/**
 * A therapeutic relationship between a party acting in a role (a professional by SSIN, a hospital
 * by NIHII) and a patient, from start to end (exclusive), established with a proof; the patient or
 * the party can revoke it, and it expires by itself.
 */
@Entity
@Table(name = "therapeutic_link")
public class TherapeuticLink {

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "patient_ref", length = 24, nullable = false)
    private String patientRef;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "party_type")),
        @AttributeOverride(name = "id", column = @Column(name = "party_id")),
        @AttributeOverride(name = "role", column = @Column(name = "party_role"))})
    private Actor party;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16, nullable = false)
    private LinkKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "proof", length = 24, nullable = false)
    private ProofType proof;

    @Column(name = "start_at", nullable = false)
    private Instant start;

    @Column(name = "end_at", nullable = false)
    private Instant end;

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

    protected TherapeuticLink() {
        // for JPA
    }

    public TherapeuticLink(PatientRef patient, Actor party, LinkKind kind, ProofType proof, Instant start, Instant end,
            Actor createdBy, Instant createdAt) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a relationship ends after it starts");
        }
        this.id = UUID.randomUUID();
        this.patientRef = patient.value();
        this.party = party;
        this.kind = kind;
        this.proof = proof;
        this.start = start;
        this.end = end;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void revoke(Actor by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    /** Neither revoked nor past its end at the given time (it may not have started yet). */
    public boolean currentAt(Instant at) {
        return revokedAt == null && at.isBefore(end);
    }

    public PatientAccessState.Relationship asRelationship() {
        return new PatientAccessState.Relationship(party.party(), party.role(), start, end);
    }

    public UUID id() {
        return id;
    }

    public PatientRef patient() {
        return new PatientRef(patientRef);
    }

    public Actor party() {
        return party;
    }

    public LinkKind kind() {
        return kind;
    }

    public ProofType proof() {
        return proof;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
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

    public Optional<Actor> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }
}
