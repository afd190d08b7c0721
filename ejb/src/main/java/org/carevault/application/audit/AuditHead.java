package org.carevault.application.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.HexFormat;
import java.util.Optional;
import org.carevault.crypto.audit.AuditAnchor;
import org.carevault.crypto.audit.AuditChain;

/**
 * The row naming the last entry of one chain; locked by every append to that chain. Chain 0 holds
 * the entries written before the trail was split into chains and is closed; chains 1 and up take
 * new entries (V17). A chain's sequence numbers follow from its base and step.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    @Id
    @Column(name = "id", nullable = false)
    private int chain;

    @Column(name = "seq", nullable = false)
    private long seq;

    @Column(name = "chain_pos", nullable = false)
    private long position;

    @Column(name = "hash", nullable = false)
    private String hash;

    @Column(name = "seq_base", nullable = false)
    private long seqBase;

    @Column(name = "seq_step", nullable = false)
    private int seqStep;

    protected AuditHead() {
        // for JPA
    }

    int chain() {
        return chain;
    }

    /** The position of the last entry, -1 while the chain is empty. */
    long position() {
        return position;
    }

    /** The hash the next entry links to. */
    byte[] previousHash() {
        return position < 0 ? AuditChain.GENESIS : HexFormat.of().parseHex(hash);
    }

    /** The sequence number of the entry at a position of this chain. */
    long seqAt(long at) {
        return seqBase + at * seqStep;
    }

    /** This head as an anchor names it, unless the chain is empty. */
    Optional<AuditAnchor.Head> asAnchorHead() {
        return position < 0 ? Optional.empty() : Optional.of(new AuditAnchor.Head(chain, position, HexFormat.of().parseHex(hash)));
    }

    AuditEntry append(AuditEvent event) {
        AuditEntry entry = new AuditEntry(seqAt(position + 1), chain, position + 1, event);
        entry.chainTo(previousHash());
        this.seq = entry.seq();
        this.position = entry.position();
        this.hash = entry.hash();
        return entry;
    }
}
