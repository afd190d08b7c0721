package org.carevault.application.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.carevault.domain.Caller;
import org.carevault.domain.access.PartyKey;

/**
 * One accepted version of a patient's scheme: who wrote it, when, through which channel, and, encrypted
 * as one record, its frame (the message's root tag, header standard, patient and scheme transaction)
 * with its elements' texts in order (column {@code frame}; versions stored before that hold the frame
 * alone, their elements being read from the element rows, which every version also has for history and diff).
 */
@Entity
@Table(name = "medication_scheme_version")
public class SchemeVersion {

    /** Patient and version. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "patient_ref", nullable = false)
        private String patientRef;

        @Column(name = "version", nullable = false)
        private long version;

        protected Key() {
            // for JPA
        }

        Key(String patientRef, long version) {
            this.patientRef = patientRef;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.patientRef.equals(patientRef) && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(patientRef, version);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "author_type", nullable = false)
    private String authorType;

    @Column(name = "author_id", nullable = false)
    private String authorId;

    @Column(name = "author_role", nullable = false)
    private String authorRole;

    @Column(name = "channel", nullable = false)
    private String channel;

    @Column(name = "frame", nullable = false)
    private String frame;

    protected SchemeVersion() {
        // for JPA
    }

    SchemeVersion(String patientRef, long version, Caller author, Instant at, String sealedFrame) {
        this.key = new Key(patientRef, version);
        PartyKey party = PartyKey.of(author.id());
        this.authorType = party.type();
        this.authorId = party.value();
        this.authorRole = author.role().name();
        this.channel = author.channel().name();
        this.createdAt = at;
        this.frame = sealedFrame;
    }

    public long version() {
        return key.version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public PartyKey author() {
        return new PartyKey(authorType, authorId);
    }

    public String authorRole() {
        return authorRole;
    }

    public String channel() {
        return channel;
    }

    String sealedFrame() {
        return frame;
    }
}
