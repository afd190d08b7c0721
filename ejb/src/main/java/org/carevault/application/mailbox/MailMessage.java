package org.carevault.application.mailbox;

import org.carevault.domain.consent.PatientRefColumn;
import org.carevault.domain.consent.PatientRef;
import jakarta.persistence.Convert;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** A sent message's routing data (never its content: that is sealed, in {@link MailContent}). */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    private static final String EHBOX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;

    @Embedded
    @AttributeOverride(name = "type", column = @Column(name = "sender_type", nullable = false))
    @AttributeOverride(name = "id", column = @Column(name = "sender_id", nullable = false))
    @AttributeOverride(name = "quality", column = @Column(name = "sender_quality", nullable = false))
    private BoxColumns sender;

    @Column(name = "recipients", nullable = false)
    private String recipients;

    @Column(name = "publication_id", nullable = false)
    private String publicationId;

    @Column(name = "patient_ref")
    @Convert(converter = PatientRefColumn.class)
    private PatientRef patientRef;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "content_sha256", nullable = false)
    private String contentSha256;

    @Column(name = "important", nullable = false)
    private boolean important;

    @Column(name = "receipt_received", nullable = false)
    private boolean receiptReceived;

    @Column(name = "receipt_read", nullable = false)
    private boolean receiptRead;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "in_reply_to")
    private UUID inReplyTo;

    @Column(name = "ehbox_id", nullable = false, unique = true, length = 13)
    private String ehboxId;

    @Column(name = "summary")
    private byte[] summary;

    protected MailMessage() {
        // for JPA
    }

    MailMessage(BoxOwner sender, List<BoxOwner> recipients, String publicationId, Optional<PatientRef> patientRef, long size, String contentSha256,
            boolean important, boolean receiptReceived, boolean receiptRead, Instant sentAt, Optional<UUID> inReplyTo,
            Optional<byte[]> summary) {
        this.id = UUID.randomUUID();
        this.sender = BoxColumns.of(sender);
        this.recipients = recipients.stream().map(BoxOwner::written).collect(Collectors.joining(" "));
        this.publicationId = publicationId;
        this.patientRef = patientRef.orElse(null);
        this.size = size;
        this.contentSha256 = contentSha256;
        this.important = important;
        this.receiptReceived = receiptReceived;
        this.receiptRead = receiptRead;
        this.sentAt = sentAt;
        this.inReplyTo = inReplyTo.orElse(null);
        this.ehboxId = newEhboxId();
        this.summary = summary.orElse(null);
    }

    /** The listing part of the envelope of a message sent over eHealthBox v3 ({@link MailboxService.Envelope}). */
    public Optional<byte[]> summary() {
        return Optional.ofNullable(summary);
    }

    /** Thirteen letters and digits, the shape of an eHealthBox message id (36^13, about 2^67, random). */
    static String newEhboxId() {
        StringBuilder id = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            id.append(EHBOX_ALPHABET.charAt(RANDOM.nextInt(EHBOX_ALPHABET.length())));
        }
        return id.toString();
    }

    /** The message's id on the eHealthBox v3 interface. */
    public String ehboxId() {
        return ehboxId;
    }

    /** The message this one answers, if any. */
    public Optional<UUID> inReplyTo() {
        return Optional.ofNullable(inReplyTo);
    }

    public UUID id() {
        return id;
    }

    public BoxOwner sender() {
        return sender.box();
    }

    /** The recipients as the sender named them, in that order. */
    public List<BoxOwner> recipients() {
        return Arrays.stream(recipients.split(" ")).map(BoxOwner::parse).toList();
    }

    public String publicationId() {
        return publicationId;
    }

    public Optional<PatientRef> patientRef() {
        return Optional.ofNullable(patientRef);
    }

    public long size() {
        return size;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public boolean important() {
        return important;
    }

    public boolean receiptReceived() {
        return receiptReceived;
    }

    public boolean receiptRead() {
        return receiptRead;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
