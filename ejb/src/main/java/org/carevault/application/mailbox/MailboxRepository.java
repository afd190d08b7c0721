package org.carevault.application.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.access.MandateLookup;
import org.carevault.application.mailbox.BoxEntry.Folder;
import org.carevault.application.mailbox.BoxEntry.State;
import org.carevault.domain.access.BoxPolicy;
import org.carevault.domain.access.PartyKey;

/**
 * The mailbox's queries, in one place: boxes' entries, messages, receipts, absences, mandates and the key directory's
 * tokens (a service finds, stores and removes single rows itself; every query is here). It runs in the caller's
 * transaction (the mailbox service's, or the decision point's when it asks whether a mandate is active).
 */
@ApplicationScoped
public class MailboxRepository implements MandateLookup {

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    /** The tokens published with this certificate fingerprint (at most one: a certificate belongs to one box). */
    List<Etk> etksWithFingerprint(String fingerprint) {
        return em.createQuery("select e from Etk e where e.fingerprint = :f", Etk.class)
                .setParameter("f", fingerprint).getResultList();
    }

    /** A box's tokens, newest first. */
    List<Etk> etks(BoxOwner owner) {
        return em.createQuery("select e from Etk e where e.owner = :box order by e.publishedAt desc", Etk.class)
                .setParameter("box", BoxColumns.of(owner)).getResultList();
    }

    /** The message a box already sent under a publication id (sending again is idempotent). */
    Optional<MailMessage> published(BoxOwner sender, String publicationId) {
        return em.createQuery("select m from MailMessage m where m.sender = :box and m.publicationId = :p", MailMessage.class)
                .setParameter("box", BoxColumns.of(sender)).setParameter("p", publicationId).getResultStream().findFirst();
    }

    /** A page of a folder's delivered entries, newest first. */
    List<BoxEntry> folder(BoxOwner box, Folder folder, int offset, int limit) {
        return em.createQuery("select e from BoxEntry e where e.owner = :box"
                + " and e.folder = :f and e.state = :s order by e.arrivedAt desc, e.id", BoxEntry.class)
                .setParameter("box", BoxColumns.of(box)).setParameter("f", folder).setParameter("s", State.DELIVERED)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** The box's delivered copy of the message (the received one when the owner sent it to itself too). */
    Optional<UUID> byEhboxId(String ehboxId) {
        return em.createQuery("select m.id from MailMessage m where m.ehboxId = :e", UUID.class)
                .setParameter("e", ehboxId).getResultStream().findFirst();
    }

    Optional<BoxEntry> entry(BoxOwner box, UUID messageId) {
        return em.createQuery("select e from BoxEntry e where e.messageId = :m and e.owner = :box"
                + " and e.state = :s order by e.recipient desc", BoxEntry.class)
                .setParameter("m", messageId).setParameter("box", BoxColumns.of(box)).setParameter("s", State.DELIVERED)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The messages answering this one. */
    List<UUID> answers(UUID messageId) {
        return em.createQuery("select m.id from MailMessage m where m.inReplyTo = :id", UUID.class)
                .setParameter("id", messageId).getResultList();
    }

    long unread(BoxOwner box) {
        return em.createQuery("select count(e) from BoxEntry e where e.owner = :box"
                + " and e.recipient = true and e.state = :s and e.readAt is null", Long.class)
                .setParameter("box", BoxColumns.of(box)).setParameter("s", State.DELIVERED).getSingleResult();
    }

    long usedBytes(BoxOwner box) {
        return em.createQuery("select coalesce(sum(e.size), 0) from BoxEntry e where e.owner = :box"
                + " and e.state = :s", Long.class).setParameter("box", BoxColumns.of(box))
                .setParameter("s", State.DELIVERED).getSingleResult();
    }

    long waiting(BoxOwner box) {
        return em.createQuery("select count(e) from BoxEntry e where e.owner = :box"
                + " and e.state = :s", Long.class).setParameter("box", BoxColumns.of(box))
                .setParameter("s", State.STANDBY).getSingleResult();
    }

    /** The box's messages waiting for room, oldest first. */
    List<BoxEntry> waitingEntries(BoxOwner box) {
        return em.createQuery("select e from BoxEntry e where e.owner = :box"
                + " and e.state = :s order by e.arrivedAt, e.id", BoxEntry.class)
                .setParameter("box", BoxColumns.of(box)).setParameter("s", State.STANDBY).getResultList();
    }

    /**
     * Serialises deliveries to one box, so that two senders cannot both squeeze into the last free
     * space: the lock is taken on the box's key-directory rows (a box exists once its owner published a token).
     */
    void lock(BoxOwner box) {
        em.createQuery("select e.id from Etk e where e.owner = :box", UUID.class)
                .setParameter("box", BoxColumns.of(box))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Removes the message, its content and receipts once no box holds it any more; whether it did. */
    boolean removeIfUnheld(UUID messageId) {
        em.flush();
        long left = em.createQuery("select count(e) from BoxEntry e where e.messageId = :m", Long.class)
                .setParameter("m", messageId).getSingleResult();
        if (left > 0) {
            return false;
        }
        em.createQuery("delete from Receipt r where r.messageId = :m").setParameter("m", messageId).executeUpdate();
        em.createQuery("delete from MailContent c where c.messageId = :m").setParameter("m", messageId).executeUpdate();
        em.createQuery("delete from MailMessage m where m.id = :m").setParameter("m", messageId).executeUpdate();
        return true;
    }

    /** A message's receipts, in the order they were given. */
    List<Receipt> receipts(UUID messageId) {
        return em.createQuery("select r from Receipt r where r.messageId = :m order by r.at, r.kind", Receipt.class)
                .setParameter("m", messageId).getResultList();
    }

    List<OutOfOffice> absences(BoxOwner box) {
        return em.createQuery("select o from OutOfOffice o where o.owner = :box"
                + " order by o.startsAt", OutOfOffice.class).setParameter("box", BoxColumns.of(box)).getResultList();
    }

    Optional<Mandate> activeMandate(BoxOwner box, PartyKey mandatee) {
        return em.createQuery("select m from Mandate m where m.owner = :box and m.mandateeType = :t and m.mandateeId = :i"
                + " and m.revokedAt is null", Mandate.class).setParameter("box", BoxColumns.of(box))
                .setParameter("t", mandatee.type()).setParameter("i", mandatee.value()).getResultStream().findFirst();
    }

    @Override
    public boolean active(BoxPolicy.Box box, PartyKey mandatee) {
        return activeMandate(BoxOwner.of(box), mandatee).isPresent();
    }

    /** The mandates a box granted (active and revoked) and those a party holds (active), newest first. */
    List<Mandate> mandates(BoxOwner box, PartyKey holder) {
        return em.createQuery("select m from Mandate m where m.owner = :box or (m.mandateeType = :t and m.mandateeId = :i"
                + " and m.revokedAt is null) order by m.grantedAt desc", Mandate.class).setParameter("box", BoxColumns.of(box))
                .setParameter("t", holder.type()).setParameter("i", holder.value()).getResultList();
    }

    /** Up to {@code batch} messages sent before the instant, oldest first. */
    List<UUID> sentBefore(Instant before, int batch) {
        return em.createQuery("select m.id from MailMessage m where m.sentAt < :before order by m.sentAt", UUID.class)
                .setParameter("before", before).setMaxResults(batch).getResultList();
    }

    /** The boxes that hold one of the messages delivered. */
    List<BoxOwner> boxesHolding(List<UUID> messageIds) {
        return em.createQuery("select distinct e.owner from BoxEntry e where e.messageId in :ids"
                + " and e.state = :s", BoxColumns.class).setParameter("ids", messageIds)
                .setParameter("s", State.DELIVERED).getResultList().stream().map(BoxColumns::box).toList();
    }

    /** Removes the messages from every box, with their contents and receipts. */
    void deleteMessages(List<UUID> messageIds) {
        for (String entity : List.of("BoxEntry", "Receipt", "MailContent")) {
            em.createQuery("delete from " + entity + " x where x.messageId in :ids").setParameter("ids", messageIds)
                    .executeUpdate();
        }
        em.createQuery("delete from MailMessage m where m.id in :ids").setParameter("ids", messageIds).executeUpdate();
    }
}
