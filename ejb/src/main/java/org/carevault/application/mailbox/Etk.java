package org.carevault.application.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.carevault.domain.Role;

/** A published encryption token: whose, for which quality, until when, and whether it was revoked. */
@Entity
@Table(name = "etk")
public class Etk {

    @Id
    private UUID id;

    @Column(name = "owner_type", nullable = false)
    private String ownerType;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Column(name = "quality", nullable = false)
    private String quality;

    @Column(name = "token", nullable = false)
    private String token;

    @Column(name = "fingerprint", nullable = false)
    private String fingerprint;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Etk() {
        // for JPA
    }

    Etk(BoxOwner owner, byte[] token, String fingerprint, Instant notAfter, Instant publishedAt) {
        this.id = UUID.randomUUID();
        this.ownerType = owner.type();
        this.ownerId = owner.id();
        this.quality = owner.quality().name();
        this.token = Base64.getEncoder().encodeToString(token);
        this.fingerprint = fingerprint;
        this.notAfter = notAfter;
        this.publishedAt = publishedAt;
    }

    public UUID id() {
        return id;
    }

    public BoxOwner owner() {
        return new BoxOwner(ownerType, ownerId, Role.valueOf(quality));
    }

    public byte[] token() {
        return Base64.getDecoder().decode(token);
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public boolean usableAt(Instant at) {
        return revokedAt == null && at.isBefore(notAfter);
    }

    void revoke(Instant at) {
        revokedAt = at;
    }
}
