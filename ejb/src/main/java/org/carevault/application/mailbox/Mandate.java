package org.carevault.application.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.carevault.domain.access.PartyKey;

/** A box's owner lets another party consult the box (list, fetch, move, delete, receipts), until revoked. */
@Entity
@Table(name = "mail_mandate")
public class Mandate {

    @Id
    private UUID id;

    @Embedded
    private BoxColumns owner;

    @Column(name = "mandatee_type", nullable = false)
    private String mandateeType;

    @Column(name = "mandatee_id", nullable = false)
    private String mandateeId;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Mandate() {
        // for JPA
    }

    Mandate(BoxOwner owner, PartyKey mandatee, Instant at) {
        this.id = UUID.randomUUID();
        this.owner = BoxColumns.of(owner);
        this.mandateeType = mandatee.type();
        this.mandateeId = mandatee.value();
        this.grantedAt = at;
    }

    public UUID id() {
        return id;
    }

    public BoxOwner owner() {
        return owner.box();
    }

    public PartyKey mandatee() {
        return new PartyKey(mandateeType, mandateeId);
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    void revoke(Instant at) {
        revokedAt = at;
    }
}
