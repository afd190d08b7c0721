package org.carevault.application.mailbox;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.carevault.application.access.AccessControl.Intent;
import org.carevault.application.access.AccessControl;
import org.carevault.application.access.NoPatientData;
import org.carevault.application.access.OfBox;
import org.carevault.application.audit.AuditEntry;
import org.carevault.application.audit.AuditLog;
import org.carevault.application.audit.HubTimeStampAuthority;
import org.carevault.application.mailbox.BoxEntry.Folder;
import org.carevault.application.mailbox.BoxEntry.State;
import org.carevault.crypto.Sha256;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Unsealer;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;

/**
 * The secure mailbox (eHealthBox v3 operation names in the methods' comments). The hub stores and
 * routes sealed bytes it cannot open: it checks only what it can without being a recipient (the
 * outer signature is the caller's, every recipient has a valid encryption token), keeps one copy per
 * box, time-stamps receipts, and lets only a box's owner see, move or delete what is in it. A message
 * about a patient goes through the access decision (the sender needs consent and a relationship; a
 * recipient's fetch is recorded in the patient's trail). Who may use which box (its owner, or a party the owner gave a
 * mandate) is decided before each method by the decision point ({@code @OfBox}, {@code BoxPolicy}); the queries are in
 * {@link MailboxRepository}.
 */
@Stateless
public class MailboxService {

    /** Largest sealed message accepted (content and annexes together), default 10 MiB. */
    public static final long MAX_MESSAGE_BYTES = Long.getLong("carevault.mailbox.max-message-bytes", 10L * 1024 * 1024);
    /** Space per box; a message that does not fit waits in stand-by until space is freed. */
    static final long QUOTA_BYTES = Long.getLong("carevault.mailbox.quota-bytes", 200L * 1024 * 1024);
    public static final int MAX_IDS = 100;
    static final int MAX_RECIPIENTS = 100;
    private static final Pattern PUBLICATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @Inject
    private AccessControl access;

    @Inject
    private MailboxRepository repository;

    @EJB
    private AuditLog audit;

    @EJB
    private EtkDirectory etks;

    @EJB
    private HubTimeStampAuthority tsa;

    /**
     * sendMessage's input: the sealed bytes and what the hub needs to route them; for a message sent over eHealthBox
     * v3, also its {@link Envelope}.
     */
    public record Outgoing(String publicationId, List<BoxOwner> recipients, boolean important, boolean receiptReceived,
            boolean receiptRead, Optional<PatientRef> patient, Optional<UUID> inReplyTo, byte[] sealed,
            Optional<Envelope> envelope) {

        public Outgoing(String publicationId, List<BoxOwner> recipients, boolean important, boolean receiptReceived,
                boolean receiptRead, Optional<PatientRef> patient, Optional<UUID> inReplyTo, byte[] sealed) {
            this(publicationId, recipients, important, receiptReceived, receiptRead, patient, inReplyTo, sealed,
                    Optional.empty());
        }

        long size() {
            return sealed.length + envelope.map(Envelope::size).orElse(0L);
        }
    }

    /**
     * What the sender's software gave beside the sealed content, as the interface it used writes it, kept and given
     * back as it came: {@code whole} (eHealthBox v3: the content context without the document's content, with its
     * sealed annexes and free information), a {@code summary} small enough to list (title, MIME type, flags), and the
     * {@code seals} in it, each of which must be sealed by the sender like the content.
     */
    public record Envelope(byte[] whole, byte[] summary, List<byte[]> seals) {

        long size() {
            return whole.length + summary.length;
        }
    }

    /** A recipient who is away, and who stands in. */
    public record Absence(BoxOwner recipient, Instant until, List<BoxOwner> substitutes) {
    }

    /** sendMessage's answer; {@code repeated} when the publication id was already sent (nothing new stored). */
    public record Sent(UUID messageId, String ehboxId, boolean repeated, List<Absence> absent) {
    }

    /** A message as listed (never its content). */
    public record Listed(UUID id, String publicationId, BoxOwner sender, List<BoxOwner> recipients, Instant sentAt,
            long size, boolean important, Folder folder, Optional<Instant> receivedAt, Optional<Instant> readAt,
            Optional<String> patientRef, Optional<UUID> inReplyTo, String ehboxId, Optional<byte[]> summary) {
    }

    /** getFullMessage: the listing and the sealed bytes. */
    public record Full(Listed message, byte[] sealed, Optional<byte[]> envelope) {
    }

    /** getBoxInfo. */
    public record BoxInfo(BoxOwner box, long usedBytes, long quotaBytes, long unread, long waiting) {
    }

    /** One receipt with its time-stamp token (RFC 3161, over {@link Receipt#statement}). */
    public record Acknowledgement(BoxOwner recipient, Receipt.Kind kind, Instant at, String contentSha256,
            Optional<byte[]> timeStamp) {
    }

    /** sendMessage. */
    @OfBox(value = "sendMessage", operation = Operation.WRITE)
    public Sent send(Caller caller, Outgoing outgoing) {
        BoxOwner sender = BoxOwner.of(caller);
        if (outgoing.publicationId() == null || !PUBLICATION_ID.matcher(outgoing.publicationId()).matches()) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A publication id has 1 to 64 letters, digits or . _ : -");
        }
        List<BoxOwner> recipients = List.copyOf(new LinkedHashSet<>(outgoing.recipients()));
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A message has 1 to " + MAX_RECIPIENTS + " recipients");
        }
        if (outgoing.size() > MAX_MESSAGE_BYTES) {
            throw new CareVaultException(ErrorCode.MESSAGE_TOO_LARGE, "The limit is " + MAX_MESSAGE_BYTES + " bytes");
        }
        outgoing.patient().ifPresent(patient -> access.authorize(caller, Optional.of(patient),
                new Intent("SendMessage", DataType.MESSAGE, Operation.WRITE, Optional.empty())));
        String digest = Sha256.hex(outgoing.sealed());
        Instant now = Instant.now();
        Optional<MailMessage> earlier = repository.published(sender, outgoing.publicationId());
        if (earlier.isPresent()) {
            if (!earlier.get().contentSha256().equals(digest) || !earlier.get().recipients().equals(recipients)) {
                throw new CareVaultException(ErrorCode.PUBLICATION_REUSED);
            }
            return new Sent(earlier.get().id(), earlier.get().ehboxId(), true, absences(recipients, now));
        }
        for (BoxOwner recipient : recipients) {
            if (!etks.known(recipient)) {
                throw new CareVaultException(ErrorCode.RECIPIENT_UNKNOWN);
            }
            if (etks.lookup(recipient).isEmpty()) {
                throw new CareVaultException(ErrorCode.RECIPIENT_WITHOUT_TOKEN);
            }
        }
        outgoing.inReplyTo().ifPresent(answered -> entryOf(sender, answered));
        requireSealedBy(sender, outgoing.sealed(), now);
        for (byte[] other : outgoing.envelope().map(Envelope::seals).orElse(List.of())) {
            requireSealedBy(sender, other, now);
        }

        MailMessage message = new MailMessage(sender, recipients, outgoing.publicationId(), outgoing.patient(),
                outgoing.size(), digest, outgoing.important(), outgoing.receiptReceived(), outgoing.receiptRead(), now,
                outgoing.inReplyTo(), outgoing.envelope().map(Envelope::summary));
        em.persist(message);
        em.persist(new MailContent(message.id(), outgoing.sealed(), outgoing.envelope().map(Envelope::whole)));
        em.persist(new BoxEntry(message.id(), sender, false, State.DELIVERED, message.size(), now));
        for (BoxOwner recipient : recipients) {
            repository.lock(recipient);
            boolean fits = repository.usedBytes(recipient) + message.size() <= QUOTA_BYTES && repository.waiting(recipient) == 0;
            em.persist(new BoxEntry(message.id(), recipient, true, fits ? State.DELIVERED : State.STANDBY, message.size(), now));
            receipt(message, recipient, Receipt.Kind.PUBLISHED, now);
        }
        em.flush();
        return new Sent(message.id(), message.ehboxId(), false, absences(recipients, now));
    }

    /** getMessagesList: a folder's delivered messages, newest first. */
    @OfBox(value = "getMessagesList", operation = Operation.READ)
    public List<Listed> list(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf, Folder folder, int offset, int limit) {
        BoxOwner box = boxOf(caller, onBehalfOf);
        if (offset < 0 || limit < 1 || limit > 100) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "offset >= 0, limit 1 to 100");
        }
        List<BoxEntry> entries = repository.folder(box, folder, offset, limit);
        List<Listed> listed = new ArrayList<>(entries.size());
        for (BoxEntry entry : entries) {
            listed.add(listed(entry, em.find(MailMessage.class, entry.messageId())));
        }
        return listed;
    }

    /** A message's routing data, as listed (no receipt: the content is not fetched). */
    @OfBox(value = "getMessage", operation = Operation.READ)
    public Listed message(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf, UUID messageId) {
        BoxEntry entry = entryOf(boxOf(caller, onBehalfOf), messageId);
        return listed(entry, em.find(MailMessage.class, messageId));
    }

    /** getFullMessage: the sealed bytes; a recipient's first fetch is the RECEIVED receipt. */
    @OfBox(value = "getFullMessage", operation = Operation.READ)
    public Full fetch(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf, UUID messageId) {
        BoxEntry entry = entryOf(boxOf(caller, onBehalfOf), messageId);
        MailMessage message = em.find(MailMessage.class, messageId);
        message.patientRef().ifPresent(patient -> access.authorize(caller, Optional.of(patient),
                Intent.of("GetFullMessage", DataType.MESSAGE_META, Operation.READ)));
        Instant now = Instant.now();
        if (entry.recipient() && entry.markReceived(now) && message.receiptReceived()) {
            receipt(message, entry.owner(), Receipt.Kind.RECEIVED, now);
        }
        MailContent content = em.find(MailContent.class, messageId);
        return new Full(listed(entry, message), content.sealed(), content.envelope());
    }

    /** The recipient's software reports that it unsealed and showed the message: the READ receipt. */
    @OfBox(value = "markAsRead", operation = Operation.WRITE)
    public void markRead(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf, UUID messageId) {
        BoxEntry entry = entryOf(boxOf(caller, onBehalfOf), messageId);
        if (!entry.recipient()) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Only a recipient reports reading");
        }
        MailMessage message = em.find(MailMessage.class, messageId);
        Instant now = Instant.now();
        entry.markReceived(now);
        if (entry.markRead(now) && message.receiptRead()) {
            receipt(message, entry.owner(), Receipt.Kind.READ, now);
        }
    }

    /** moveMessage: all ids or none, at most 100, each to a folder of its kind. */
    @OfBox(value = "moveMessage", operation = Operation.WRITE)
    public void move(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf, List<UUID> ids, Folder target) {
        BoxOwner box = boxOf(caller, onBehalfOf);
        for (BoxEntry entry : entriesOf(box, ids)) {
            if (!entry.mayMoveTo(target)) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A received message stays in INBOX or BININBOX,"
                        + " a sent one in SENTBOX or BINSENTBOX");
            }
            entry.moveTo(target);
        }
    }

    /**
     * deleteMessage: from INBOX or SENTBOX to its bin; from a bin, gone from this box (the message
     * itself once no box holds it). Freed space lets waiting messages in.
     */
    @OfBox(value = "deleteMessage", operation = Operation.WRITE)
    public void delete(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf, List<UUID> ids) {
        BoxOwner box = boxOf(caller, onBehalfOf);
        boolean freed = false;
        for (BoxEntry entry : entriesOf(box, ids)) {
            if (entry.folder() == Folder.INBOX || entry.folder() == Folder.SENTBOX) {
                entry.moveTo(entry.bin());
            } else {
                remove(entry);
                freed = true;
            }
        }
        if (freed) {
            em.flush();
            admitWaiting(box);
        }
    }

    /**
     * getMessageHistory: the conversation the message belongs to (the messages it answers and those
     * answering it, transitively), oldest first, as far as the caller's box holds them.
     */
    @OfBox(value = "getMessageHistory", operation = Operation.READ)
    public List<Listed> history(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf, UUID messageId) {
        BoxOwner box = boxOf(caller, onBehalfOf);
        entryOf(box, messageId);
        UUID root = messageId;
        Set<UUID> seen = new HashSet<>(List.of(root));
        while (true) {
            Optional<UUID> up = em.find(MailMessage.class, root).inReplyTo();
            if (up.isEmpty() || !seen.add(up.get()) || em.find(MailMessage.class, up.get()) == null) {
                break;
            }
            root = up.get();
        }
        List<UUID> thread = new ArrayList<>(List.of(root));
        for (int i = 0; i < thread.size() && thread.size() <= 1000; i++) {
            repository.answers(thread.get(i)).stream().filter(id -> !thread.contains(id)).forEach(thread::add);
        }
        List<Listed> visible = new ArrayList<>();
        for (UUID id : thread) {
            repository.entry(box, id).ifPresent(entry -> visible.add(listed(entry, em.find(MailMessage.class, id))));
        }
        visible.sort(Comparator.comparing(Listed::sentAt));
        return visible;
    }

    /**
     * The hub's id of the message an eHealthBox v3 client names by its 13-character id. Says nothing of whose box
     * holds it: every operation then finds the message in the caller's box or answers not found, as for a wrong id.
     */
    @NoPatientData("translates a message id (no content, no box)")
    public UUID idOfEhbox(String ehboxId) {
        return repository.byEhboxId(ehboxId).orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
    }

    /** getBoxInfo. */
    @OfBox(value = "getBoxInfo", operation = Operation.READ)
    public BoxInfo boxInfo(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf) {
        BoxOwner box = boxOf(caller, onBehalfOf);
        return new BoxInfo(box, repository.usedBytes(box), QUOTA_BYTES, repository.unread(box), repository.waiting(box));
    }

    /** getMessageAcknowledgmentsStatus: the sender sees every recipient's receipts with their time-stamps. */
    @OfBox(value = "getMessageAcknowledgmentsStatus", operation = Operation.READ)
    public List<Acknowledgement> acknowledgements(Caller caller, @OfBox.Box Optional<BoxOwner> onBehalfOf, UUID messageId) {
        BoxEntry entry = entryOf(boxOf(caller, onBehalfOf), messageId);
        if (entry.recipient()) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        MailMessage message = em.find(MailMessage.class, messageId);
        return repository.receipts(messageId).stream()
                .map(r -> new Acknowledgement(r.recipient(), r.kind(), r.at(), message.contentSha256(), r.timeStamp()))
                .toList();
    }

    /** insertOoO: an absence with up to five substitutes (each a box of a care quality, not the owner's). */
    @OfBox(value = "insertOoO", operation = Operation.WRITE)
    public OutOfOffice insertOutOfOffice(Caller caller, Instant from, Instant until, List<BoxOwner> substitutes) {
        BoxOwner box = BoxOwner.of(caller);
        if (from == null || until == null || !until.isAfter(from) || until.isBefore(Instant.now())) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "An absence ends after it starts, and not in the past");
        }
        List<BoxOwner> distinct = List.copyOf(new LinkedHashSet<>(substitutes));
        if (distinct.size() > OutOfOffice.MAX_SUBSTITUTES || distinct.contains(box)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Up to five substitutes, other than the absent one");
        }
        OutOfOffice absence = new OutOfOffice(box, from, until, distinct);
        em.persist(absence);
        return absence;
    }

    /** getOoOList. */
    @OfBox(value = "getOoOList", operation = Operation.READ)
    public List<OutOfOffice> outOfOffice(Caller caller) {
        return repository.absences(BoxOwner.of(caller));
    }

    /** deleteOoO. */
    @OfBox(value = "deleteOoO", operation = Operation.WRITE)
    public void deleteOutOfOffice(Caller caller, UUID id) {
        OutOfOffice absence = em.find(OutOfOffice.class, id);
        if (absence == null || !absence.owner().equals(BoxOwner.of(caller))) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        em.remove(absence);
    }

    /** A mandate granted by the caller's box to another party (not to itself), or the one already active. */
    @OfBox(value = "grantMandate", operation = Operation.WRITE)
    public Mandate grantMandate(Caller caller, PartyKey mandatee) {
        BoxOwner box = BoxOwner.of(caller);
        if (mandatee.equals(PartyKey.of(caller.id()))) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A box's owner needs no mandate");
        }
        Optional<Mandate> active = repository.activeMandate(box, mandatee);
        if (active.isPresent()) {
            return active.get();
        }
        Mandate mandate = new Mandate(box, mandatee, Instant.now());
        em.persist(mandate);
        return mandate;
    }

    /** The mandates the caller's box granted (active and revoked) and those the caller holds (active), newest first. */
    @OfBox(value = "getMandates", operation = Operation.READ)
    public List<Mandate> mandates(Caller caller) {
        return repository.mandates(BoxOwner.of(caller), PartyKey.of(caller.id()));
    }

    /** The box's owner ends a mandate. */
    @OfBox(value = "revokeMandate", operation = Operation.WRITE)
    public void revokeMandate(Caller caller, UUID id) {
        Mandate mandate = em.find(Mandate.class, id);
        if (mandate == null || !mandate.owner().equals(BoxOwner.of(caller))) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        if (mandate.revokedAt().isEmpty()) {
            mandate.revoke(Instant.now());
        }
    }

    /** Most entries of a box's trail in one page. */
    public static final int MAX_TRAIL_PAGE = 500;

    /**
     * Who used or tried to use the caller's box: the uses of it under a mandate and every refused attempt, newest first,
     * before a sequence number (the previous page's last entry). The owner's own uses are not recorded.
     */
    @OfBox(value = "getBoxAuditTrail", operation = Operation.READ)
    public List<AuditEntry> boxTrail(Caller caller, Optional<Long> before, int limit) {
        return audit.ofBox(BoxOwner.of(caller).written(), before, Math.max(1, Math.min(MAX_TRAIL_PAGE, limit)));
    }

    // --- internals ---------------------------------------------------------------------------

    /**
     * The box a consultation works on: the caller's own, or the one named (the decision point let the call through only
     * for a care provider's own box, or one whose owner gave the caller an active mandate).
     */
    private static BoxOwner boxOf(Caller caller, Optional<BoxOwner> onBehalfOf) {
        return onBehalfOf.orElseGet(() -> BoxOwner.of(caller));
    }

    /** The outer signature must be valid, chain to the care CA, and be the caller's. */
    private void requireSealedBy(BoxOwner sender, byte[] sealed, Instant now) {
        X509Certificate signer;
        try {
            signer = Unsealer.authenticate(new ByteArrayInputStream(sealed), etks.trust(), now, List.of());
        } catch (SealException | IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.SEALED_CONTENT_INVALID);
        }
        boolean callers = CertificateIdentity.parse(signer.getSubjectX500Principal()).map(sender::isNamedBy).orElse(false);
        if (!callers) {
            throw new CareVaultException(ErrorCode.SENDER_MISMATCH);
        }
    }

    private BoxEntry entryOf(BoxOwner box, UUID messageId) {
        return repository.entry(box, messageId).orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
    }

    private List<BoxEntry> entriesOf(BoxOwner box, List<UUID> ids) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.isEmpty()) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "No message id");
        }
        if (distinct.size() > MAX_IDS) {
            throw new CareVaultException(ErrorCode.TOO_MANY_IDS);
        }
        return distinct.stream().map(id -> entryOf(box, id)).toList();
    }

    private Listed listed(BoxEntry entry, MailMessage message) {
        return new Listed(message.id(), message.publicationId(), message.sender(), message.recipients(),
                message.sentAt(), message.size(), message.important(), entry.folder(), entry.receivedAt(), entry.readAt(),
                message.patientRef().map(PatientRef::value), message.inReplyTo(), message.ehboxId(),
                message.summary());
    }

    private List<Absence> absences(List<BoxOwner> recipients, Instant at) {
        List<Absence> absent = new ArrayList<>();
        for (BoxOwner recipient : recipients) {
            repository.absences(recipient).stream().filter(a -> a.covers(at)).findFirst()
                    .ifPresent(a -> absent.add(new Absence(recipient, a.endsAt(), a.substitutes())));
        }
        return absent;
    }

    /** Lets waiting messages in, oldest first, while they fit (also after the expiry job freed space). */
    @NoPatientData("the hub delivers messages that waited for room in a box (no caller, no content)")
    public void admitWaiting(BoxOwner box) {
        repository.lock(box);
        long used = repository.usedBytes(box);
        Instant now = Instant.now();
        for (BoxEntry waiting : repository.waitingEntries(box)) {
            if (used + waiting.size() > QUOTA_BYTES) {
                break;
            }
            waiting.deliver(now);
            used += waiting.size();
        }
    }

    /** Removes one box's copy, and the message with its content once no box holds it any more. */
    void remove(BoxEntry entry) {
        em.remove(entry);
        repository.removeIfUnheld(entry.messageId());
    }

    private void receipt(MailMessage message, BoxOwner recipient, Receipt.Kind kind, Instant instant) {
        // The statement must be rebuilt from the stored receipt: no finer than the database keeps (microseconds).
        Instant at = instant.truncatedTo(ChronoUnit.MICROS);
        Optional<byte[]> token = tsa.stamp(Receipt.statement(message.id(), message.contentSha256(), recipient, kind, at)
                .getBytes(StandardCharsets.UTF_8));
        em.persist(new Receipt(message.id(), recipient, kind, at, token));
    }

}
