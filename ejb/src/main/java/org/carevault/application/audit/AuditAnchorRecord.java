package org.carevault.application.audit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.carevault.crypto.audit.AuditAnchor;

/**
 * A stored anchor: the crypto module's {@link AuditAnchor} over the heads of the chains. Its seq is
 * the number of entries it covers minus one; an anchor made before the trail was split into chains
 * has no head rows and anchors chain 0 at position seq with head_hash.
 */
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "audit_anchor_head", joinColumns = @JoinColumn(name = "anchor_seq"))
    private List<HeadColumns> heads = new ArrayList<>();

    /** One anchored head, as stored. */
    @Embeddable
    public static class HeadColumns {

        @Column(name = "chain_no", nullable = false)
        private int chain;

        @Column(name = "chain_pos", nullable = false)
        private long position;

        @Column(name = "hash", nullable = false)
        private String hash;

        protected HeadColumns() {
            // for JPA
        }

        HeadColumns(AuditAnchor.Head head) {
            this.chain = head.chain();
            this.position = head.position();
            this.hash = HexFormat.of().formatHex(head.hash());
        }

        AuditAnchor.Head head() {
            return new AuditAnchor.Head(chain, position, HexFormat.of().parseHex(hash));
        }
    }

    protected AuditAnchorRecord() {
        // for JPA
    }

    AuditAnchorRecord(long seq, AuditAnchor anchor, Instant at) {
        this.seq = seq;
        this.headHash = HexFormat.of().formatHex(anchor.chainZeroAlone() ? anchor.heads().get(0).hash() : anchor.imprint());
        this.token = Base64.getEncoder().encodeToString(anchor.timeStampToken());
        this.anchoredAt = at;
        anchor.heads().forEach(head -> heads.add(new HeadColumns(head)));
    }

    AuditAnchor anchor() {
        List<AuditAnchor.Head> anchored = heads.isEmpty()
                ? List.of(new AuditAnchor.Head(0, seq, HexFormat.of().parseHex(headHash)))
                : heads.stream().map(HeadColumns::head).toList();
        return new AuditAnchor(anchored, Base64.getDecoder().decode(token));
    }

    long seq() {
        return seq;
    }
}
