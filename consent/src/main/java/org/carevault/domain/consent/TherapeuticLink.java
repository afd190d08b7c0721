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
import org.carevault.domain.access.PatientAccessState;

/**
 * A therapeutic relationship between a party acting in a role (a professional by SSIN, a hospital
 * by NIHII) and a patient, from start to end (exclusive), established with a proof; the patient or
 * the party can revoke it, and it expires by itself.
 */
@Entity
@Table(name = "therapeutic_link")
public class TherapeuticLink extends RevocableFact {

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

    protected TherapeuticLink() {
        // for JPA
    }

    public TherapeuticLink(PatientRef patient, Actor party, LinkKind kind, ProofType proof, Instant start, Instant end,
            Actor createdBy, Instant createdAt) {
        super(patient);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a relationship ends after it starts");
        }
        this.party = party;
        this.kind = kind;
        this.proof = proof;
        this.start = start;
        this.end = end;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Neither revoked nor past its end at the given time (it may not have started yet). */
    public boolean currentAt(Instant at) {
        return !revoked() && at.isBefore(end);
    }

    public PatientAccessState.Relationship asRelationship() {
        return new PatientAccessState.Relationship(party.party(), party.role(), start, end);
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
}
