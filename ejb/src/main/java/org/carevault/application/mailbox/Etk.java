package org.carevault.application.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** A published encryption token: whose, for which quality, until when, and whether it was revoked. */
@Entity
@Table(name = "etk")
public class Etk {

    @Id
    private UUID id;

    @Embedded
    private BoxColumns owner;

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
        this.owner = BoxColumns.of(owner);
        this.token = Base64.getEncoder().encodeToString(token);
        this.fingerprint = fingerprint;
        this.notAfter = notAfter;
        this.publishedAt = publishedAt;
    }

    public UUID id() {
        return id;
    }

    public BoxOwner owner() {
        return owner.box();
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
