package org.carevault.application.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.HexFormat;

/** The single row naming the last entry of the chain; locked by every append. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    @Column(name = "id", nullable = false)
    private int id;

    @Column(name = "seq", nullable = false)
    private long seq;

    @Column(name = "hash", nullable = false)
    private String hash;

    protected AuditHead() {
        // for JPA
    }

    long seq() {
        return seq;
    }

    byte[] hash() {
        return HexFormat.of().parseHex(hash);
    }

    void advance(AuditEntry entry) {
        this.seq = entry.seq();
        this.hash = entry.hash();
    }
}
