package org.carevault.application.mailbox;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A receipt for one recipient: published (on send), received (first fetch), read (reported by the
 * recipient's software after unsealing), with the hub's RFC 3161 time-stamp token over
 * {@link #statement}, so that it can be shown to a third party.
 */
@Entity
@Table(name = "mail_receipt")
public class Receipt {

    /** What the receipt attests. */
    public enum Kind { PUBLISHED, RECEIVED, READ }

    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Embedded
    @AttributeOverride(name = "type", column = @Column(name = "recipient_type", nullable = false))
    @AttributeOverride(name = "id", column = @Column(name = "recipient_id", nullable = false))
    private BoxColumns recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Column(name = "recorded_at", nullable = false)
    private Instant at;

    @Column(name = "time_stamp")
    private String timeStamp;

    protected Receipt() {
        // for JPA
    }

    Receipt(UUID messageId, BoxOwner recipient, Kind kind, Instant at, Optional<byte[]> timeStamp) {
        this.id = UUID.randomUUID();
        this.messageId = messageId;
        this.recipient = BoxColumns.of(recipient);
        this.kind = kind;
        this.at = at;
        this.timeStamp = timeStamp.map(Base64.getEncoder()::encodeToString).orElse(null);
    }

    /**
     * What the time-stamp covers: the message, the content's SHA-256, the recipient, the kind and the
     * instant, in one line (a verifier rebuilds it from the receipt's fields).
     */
    public static String statement(UUID messageId, String contentSha256, BoxOwner recipient, Kind kind, Instant at) {
        return "carevault-receipt/1 " + messageId + " " + contentSha256 + " " + recipient.written() + " " + kind + " " + at;
    }

    public BoxOwner recipient() {
        return recipient.box();
    }

    public Kind kind() {
        return kind;
    }

    public Instant at() {
        return at;
    }

    public Optional<byte[]> timeStamp() {
        return Optional.ofNullable(timeStamp).map(Base64.getDecoder()::decode);
    }
}
