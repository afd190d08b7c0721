package org.carevault.application.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;

/**
 * A message's sealed bytes (CMS, opened only by its recipients and sender), apart from its routing data; with, for a
 * message sent over eHealthBox v3, its envelope (see {@link MailboxService.Outgoing#envelope}).
 */
@Entity
@Table(name = "mail_content")
public class MailContent {

    @Id
    @Column(name = "message_id")
    private UUID messageId;

    @Column(name = "sealed", nullable = false)
    private byte[] sealed;

    @Column(name = "envelope")
    private byte[] envelope;

    protected MailContent() {
        // for JPA
    }

    MailContent(UUID messageId, byte[] sealed, Optional<byte[]> envelope) {
        this.messageId = messageId;
        this.sealed = sealed;
        this.envelope = envelope.orElse(null);
    }

    /** What the sender's software gave beside the sealed content, as the interface it used wrote it (eHealthBox v3). */
    Optional<byte[]> envelope() {
        return Optional.ofNullable(envelope);
    }

    byte[] sealed() {
        return sealed;
    }
}
