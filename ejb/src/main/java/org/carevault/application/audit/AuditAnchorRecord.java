package org.carevault.application.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.carevault.crypto.audit.AuditAnchor;

/** A stored anchor: the crypto module's {@link AuditAnchor} of the chain head at one entry. */
@Entity
@Table(name = "audit_anchor")
public class AuditAnchorRecord {

    @Id
    @Column(name = "seq", nullable = false)
    private long seq;

    @Column(name = "head_hash", nullable = false)
    private String headHash;

    @Column(name = "token", nullable = false)
    private String token;

    @Column(name = "anchored_at", nullable = false)
    private Instant anchoredAt;

    protected AuditAnchorRecord() {
        // for JPA
    }

    AuditAnchorRecord(AuditAnchor anchor, Instant at) {
        this.seq = anchor.sequence();
        this.headHash = HexFormat.of().formatHex(anchor.headHash());
        this.token = Base64.getEncoder().encodeToString(anchor.timeStampToken());
        this.anchoredAt = at;
    }

    AuditAnchor anchor() {
        return new AuditAnchor(seq, HexFormat.of().parseHex(headHash), Base64.getDecoder().decode(token));
    }

    long seq() {
        return seq;
    }
}
