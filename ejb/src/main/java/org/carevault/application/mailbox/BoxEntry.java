package org.carevault.application.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A message in one box: the sender's copy or a recipient's, its folder and whether it waits for space. */
@Entity
@Table(name = "mail_box_entry")
public class BoxEntry {

    /** eHealthBox folders. */
    public enum Folder { INBOX, SENTBOX, BININBOX, BINSENTBOX }

    /** Delivered, or kept waiting because the recipient's box is full (stand-by). */
    public enum State { DELIVERED, STANDBY }

    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Embedded
    private BoxColumns owner;

    @Column(name = "is_recipient", nullable = false)
    private boolean recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "folder", nullable = false)
    private Folder folder;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "arrived_at", nullable = false)
    private Instant arrivedAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected BoxEntry() {
        // for JPA
    }

    BoxEntry(UUID messageId, BoxOwner owner, boolean recipient, State state, long size, Instant arrivedAt) {
        this.id = UUID.randomUUID();
        this.messageId = messageId;
        this.owner = BoxColumns.of(owner);
        this.recipient = recipient;
        this.folder = recipient ? Folder.INBOX : Folder.SENTBOX;
        this.state = state;
        this.size = size;
        this.arrivedAt = arrivedAt;
    }

    public UUID messageId() {
        return messageId;
    }

    public BoxOwner owner() {
        return owner.box();
    }

    public boolean recipient() {
        return recipient;
    }

    public Folder folder() {
        return folder;
    }

    public State state() {
        return state;
    }

    public long size() {
        return size;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }

    public Optional<Instant> receivedAt() {
        return Optional.ofNullable(receivedAt);
    }

    public Optional<Instant> readAt() {
        return Optional.ofNullable(readAt);
    }

    /** Whether the entry may go to that folder: a recipient's copy stays in INBOX/BININBOX, the sender's in SENTBOX/BINSENTBOX. */
    boolean mayMoveTo(Folder target) {
        return recipient ? target == Folder.INBOX || target == Folder.BININBOX
                : target == Folder.SENTBOX || target == Folder.BINSENTBOX;
    }

    void moveTo(Folder target) {
        folder = target;
    }

    Folder bin() {
        return recipient ? Folder.BININBOX : Folder.BINSENTBOX;
    }

    void deliver(Instant at) {
        state = State.DELIVERED;
        arrivedAt = at;
    }

    boolean markReceived(Instant at) {
        if (receivedAt != null) {
            return false;
        }
        receivedAt = at;
        return true;
    }

    boolean markRead(Instant at) {
        if (readAt != null) {
            return false;
        }
        readAt = at;
        return true;
    }
}
