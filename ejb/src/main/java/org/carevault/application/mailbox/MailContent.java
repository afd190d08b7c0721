package org.carevault.application.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A message's sealed bytes (CMS, opened only by its recipients and sender), apart from its routing data. */
@Entity
@Table(name = "mail_content")
public class MailContent {

    @Id
    @Column(name = "message_id")
    private UUID messageId;

    @Column(name = "sealed", nullable = false)
    private byte[] sealed;

    protected MailContent() {
        // for JPA
    }

    MailContent(UUID messageId, byte[] sealed) {
        this.messageId = messageId;
        this.sealed = sealed;
    }

    byte[] sealed() {
        return sealed;
    }
}
