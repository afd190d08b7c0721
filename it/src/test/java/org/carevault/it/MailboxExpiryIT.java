package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: a message sent 400 days ago (written by SQL, as time would have made it) is removed by
 * the hub's expiry job with its content, box copies and receipts; one sent yesterday, waiting for the
 * space the old one took, stays and is let in; the run
 * leaves an audit entry (channel BATCH) that says how many. The job is the hub's
 * own EJB, called through its global JNDI name (reflection: its class is the EAR's, not this test's).
 */
@ExtendWith(ArquillianExtension.class)
class MailboxExpiryIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.withSql(MailboxExpiryIT.class);
    }

    /** A valid SSIN no test uses (its box holds only this test's rows; runs again in the same stack start from full). */
    private static final String BOX_ID = "00000000196";

    @PersistenceContext(unitName = "in-container")
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Test
    void aMessageOlderThanTheLifetimeIsRemovedAndTheRunIsAudited() throws Exception {
        Instant now = Instant.now();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        transaction.begin();
        insert(old, now.minus(Duration.ofDays(400)), "DELIVERED", 3L * 1024 * 1024);
        insert(recent, now.minus(Duration.ofDays(1)), "STANDBY", 1024);
        transaction.commit();

        Object job = new InitialContext().lookup("java:global/carevault/ejb/MailExpiry");
        int removed = (Integer) job.getClass().getMethod("expireNow", Instant.class).invoke(job, now);

        assertTrue(removed >= 1, "at least the old message");
        for (String table : new String[] {"mail_message WHERE id", "mail_content WHERE message_id",
            "mail_box_entry WHERE message_id", "mail_receipt WHERE message_id"}) {
            assertEquals(0L, count("SELECT COUNT(*) FROM " + table + " = ?1", old), table);
        }
        assertEquals(1L, count("SELECT COUNT(*) FROM mail_message WHERE id = ?1", recent), "a recent message stays");
        assertEquals(1L, count("SELECT COUNT(*) FROM mail_content WHERE message_id = ?1", recent));
        assertEquals("DELIVERED", em.createNativeQuery(RawRows.MARK + "SELECT state FROM mail_box_entry WHERE message_id = ?1")
                .setParameter(1, recent).getSingleResult(), "the space the expiry freed lets the waiting message in");
        Object[] audit = (Object[]) em.createNativeQuery(RawRows.MARK + "SELECT action, channel, subject_id FROM audit_entry"
                + " WHERE action = 'ExpireMessages' ORDER BY seq DESC").setMaxResults(1).getSingleResult();
        assertEquals("BATCH", audit[1]);
        assertEquals(Integer.toString(removed), audit[2], "the entry says how many");
    }

    private long count(String sql, UUID id) {
        return ((Number) em.createNativeQuery(RawRows.MARK + sql).setParameter(1, id).getSingleResult()).longValue();
    }

    /** A message in a made-up box of its own (filled by the old one), so that nothing else competes for the space. */
    private void insert(UUID id, Instant sentAt, String state, long size) {
        OffsetDateTime at = sentAt.atOffset(ZoneOffset.UTC);
        em.createNativeQuery(RawRows.MARK + "INSERT INTO mail_message (id, sender_type, sender_id, sender_quality, recipients, publication_id,"
                + " size_bytes, content_sha256, important, receipt_received, receipt_read, sent_at, ehbox_id) VALUES (?1, 'SSIN',"
                + " '72081012378', 'PHYSICIAN', 'SSIN:85021445650:PHARMACIST', ?2, 3, ?3, FALSE, FALSE, FALSE, ?4, ?5)")
                .setParameter(1, id).setParameter(2, "expiry-" + id).setParameter(3, "0".repeat(64)).setParameter(4, at)
                .setParameter(5, id.toString().replace("-", "").substring(0, 13).toUpperCase(java.util.Locale.ROOT))
                .executeUpdate();
        em.createNativeQuery(RawRows.MARK + "INSERT INTO mail_content (message_id, sealed) VALUES (?1, ?2)").setParameter(1, id)
                .setParameter(2, new byte[] {1, 2, 3}).executeUpdate();
        em.createNativeQuery(RawRows.MARK + "INSERT INTO mail_box_entry (id, message_id, owner_type, owner_id, quality, is_recipient, folder,"
                + " state, size_bytes, arrived_at) VALUES (?1, ?2, 'SSIN', ?3, 'NURSE', TRUE, 'INBOX', ?4, ?5, ?6)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, id).setParameter(3, BOX_ID).setParameter(4, state)
                .setParameter(5, size).setParameter(6, at).executeUpdate();
        em.createNativeQuery(RawRows.MARK + "INSERT INTO mail_receipt (id, message_id, recipient_type, recipient_id, quality, kind, recorded_at)"
                + " VALUES (?1, ?2, 'SSIN', '85021445650', 'PHARMACIST', 'PUBLISHED', ?3)").setParameter(1, UUID.randomUUID())
                .setParameter(2, id).setParameter(3, at).executeUpdate();
    }
}
