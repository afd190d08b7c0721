package org.carevault.application.vault;

import org.carevault.domain.consent.PatientRefColumn;
import org.carevault.domain.consent.PatientRef;
import jakarta.persistence.Convert;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.carevault.domain.Caller;
import org.carevault.domain.access.PartyKey;

/**
 * A document a care provider pushes for a patient, one transaction at a time (a Sumehr, a vaccination): who submitted
 * it (as authenticated), when, the date the document gives itself, whether its author revoked it, and the message,
 * encrypted under the patient's data key and kept byte for byte.
 */
@MappedSuperclass
public abstract class PushedDocument {


    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Column(name = "patient_ref", nullable = false)
    @Convert(converter = PatientRefColumn.class)
    private PatientRef patientRef;

    @Column(name = "author_type", nullable = false)
    private String authorType;

    @Column(name = "author_id", nullable = false)
    private String authorId;

    @Column(name = "author_role", nullable = false)
    private String authorRole;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "document_date", nullable = false)
    private String documentDate;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "content", nullable = false)
    private String content;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PushedDocument() {
        // for JPA
    }

    PushedDocument(UUID id, PatientRef patientRef, Caller author, Instant at, String documentDate, String sealedContent) {
        this.id = id;
        this.patientRef = patientRef;
        PartyKey party = PartyKey.of(author.id());
        this.authorType = party.type();
        this.authorId = party.value();
        this.authorRole = author.role().name();
        this.submittedAt = at;
        this.documentDate = documentDate;
        this.content = sealedContent;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public UUID id() {
        return id;
    }

    public PatientRef patientRef() {
        return patientRef;
    }

    public PartyKey author() {
        return new PartyKey(authorType, authorId);
    }

    public String authorRole() {
        return authorRole;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String documentDate() {
        return documentDate;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    String sealedContent() {
        return content;
    }
}
