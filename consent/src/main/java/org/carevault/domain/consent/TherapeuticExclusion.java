package org.carevault.domain.consent;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.carevault.domain.access.PartyKey;

/**
 * The patient's exclusion of a professional (by SSIN, in all their qualities) or an organisation
 * (by NIHII): it refuses that party everything about the patient, relationship and break-the-glass
 * included, until the patient lifts it.
 */
@Entity
@Table(name = "therapeutic_exclusion")
public class TherapeuticExclusion extends RevocableFact {

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

    protected TherapeuticExclusion() {
        // for JPA
    }

    public TherapeuticExclusion(PatientRef patient, PartyKey party, Actor createdBy, Instant createdAt) {
        super(patient);
        this.partyType = party.type();
        this.partyId = party.value();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean active() {
        return !revoked();
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
}
