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
import java.util.Objects;
import java.util.Optional;
import org.carevault.domain.access.PatientAccessState;

/**
 * A person who may act for the patient in the patient's own place (the portal), e.g. a parent for a child or a
 * family member: everything the patient may do there, except appointing or revoking proxies. The proxy is a
 * patient of the hub too (logs in with the {@code patient} role) and is stored by their patient reference, never
 * by SSIN. Their names, as the person who set the proxy up gave them, are kept sealed by the service (under the
 * represented patient's data key), never in clear.
 */
@Entity
@Table(name = "patient_proxy")
public class PatientProxy extends RevocableFact {

    /** How a proxy came to be. */
    public enum Kind {
        /** Appointed by the patient; the patient can revoke it. */
        APPOINTED,
        /** A legal representative (a parent of a minor, a guardian) linked by an operator; only an operator revokes it. */
        LEGAL_REPRESENTATIVE
    }

    @Column(name = "proxy_ref", length = 24, nullable = false)
    private String proxyRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 24, nullable = false)
    private Kind kind;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "names", nullable = false)
    private byte[] names;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "created_by_type")),
        @AttributeOverride(name = "id", column = @Column(name = "created_by_id")),
        @AttributeOverride(name = "role", column = @Column(name = "created_by_role"))})
    private Actor createdBy;

    protected PatientProxy() {
        // for JPA
    }

    public PatientProxy(PatientRef patient, PatientRef proxy, Kind kind, Instant validFrom, Optional<Instant> validUntil,
            Actor createdBy, Instant createdAt) {
        super(patient);
        if (proxy.equals(patient)) {
            throw new IllegalArgumentException("a patient is not their own proxy");
        }
        validUntil.ifPresent(until -> {
            if (!until.isAfter(validFrom)) {
                throw new IllegalArgumentException("a proxy ends after it starts");
            }
        });
        this.proxyRef = proxy.value();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.validFrom = validFrom;
        this.validUntil = validUntil.orElse(null);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.names = new byte[0];
    }

    /** The sealed names (the service seals and opens them; the identity to bind them to is {@link #id()}). */
    public void seal(byte[] sealedNames) {
        this.names = sealedNames.clone();
    }

    public byte[] sealedNames() {
        return names.clone();
    }

    public PatientRef proxy() {
        return new PatientRef(proxyRef);
    }

    public Kind kind() {
        return kind;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Actor createdBy() {
        return createdBy;
    }

    /** Not revoked and within its period. */
    public boolean activeAt(Instant at) {
        return !revoked() && !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil));
    }

    /** As the access decision sees it. */
    public PatientAccessState.Proxy asProxy() {
        return new PatientAccessState.Proxy(proxyRef, validFrom, validUntil == null ? Instant.MAX : validUntil);
    }
}
