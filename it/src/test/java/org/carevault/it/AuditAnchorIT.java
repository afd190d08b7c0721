package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Optional;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: the hub's time-stamp authority anchors the chain head; then the newest entries are
 * removed and the head row rewound to an earlier entry — a truncation the hash chain alone cannot
 * see, since every remaining link holds — and the anchor names the first entry that can no longer
 * be trusted. The rows are put back and the chain verifies again.
 */
@ExtendWith(ArquillianExtension.class)
class AuditAnchorIT {

    private static final String EJB = "java:global/carevault/ejb/";
    private static final String COLUMNS = "seq, occurred_at, channel, action, caller_type, caller_id, caller_role, caller_nihii,"
            + " caller_name, patient_ref, data_type, operation, decision, basis, btg_reason, subject_id, hash";

    @Deployment
    static WebArchive deployment() {
        return InContainer.withSql(AuditAnchorIT.class);
    }

    @PersistenceContext(unitName = "in-container")
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Test
    @SuppressWarnings("unchecked")
    void aTruncatedChainIsCaughtByItsAnchor() throws Exception {
        Object anchoring = new InitialContext().lookup(EJB + "AuditAnchoring!org.carevault.application.audit.AuditAnchoring");
        Object auditLog = new InitialContext().lookup(EJB + "AuditLog!org.carevault.application.audit.AuditLog");
        Optional<Long> anchored = (Optional<Long>) anchoring.getClass().getMethod("anchorNow").invoke(anchoring);
        assertTrue(anchored.isPresent() && anchored.get() >= 2, "the wire tests before left entries to anchor: " + anchored);
        assertEquals(Optional.empty(), verify(auditLog), "intact and matching its anchor");
        long keep = anchored.get() - 2;

        transaction.begin();
        Number previousAnchor = (Number) em.createNativeQuery(RawRows.MARK + "SELECT MAX(seq) FROM audit_anchor WHERE seq < ?1")
                .setParameter(1, anchored.get()).getSingleResult();
        List<Object[]> removed = em.createNativeQuery(RawRows.MARK + "SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ?1 ORDER BY seq")
                .setParameter(1, keep).getResultList();
        Object[] head = (Object[]) em.createNativeQuery(RawRows.MARK + "SELECT seq, hash FROM audit_head WHERE id = 1").getSingleResult();
        String keptHash = (String) em.createNativeQuery(RawRows.MARK + "SELECT hash FROM audit_entry WHERE seq = ?1").setParameter(1, keep)
                .getSingleResult();
        em.createNativeQuery(RawRows.MARK + "DELETE FROM audit_entry WHERE seq > ?1").setParameter(1, keep).executeUpdate();
        em.createNativeQuery(RawRows.MARK + "UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1").setParameter(1, keep)
                .setParameter(2, keptHash).executeUpdate();
        transaction.commit();
        try {
            long expected = previousAnchor == null ? 0 : previousAnchor.longValue() + 1;
            assertEquals(Optional.of(expected), verify(auditLog), "trust ends where the last intact anchor ends");
        } finally {
            transaction.begin();
            String insert = "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                    + " ?13, ?14, ?15, ?16, ?17)";
            for (Object[] row : removed) {
                var query = em.createNativeQuery(RawRows.MARK + insert);
                for (int i = 0; i < row.length; i++) {
                    query.setParameter(i + 1, row[i]);
                }
                query.executeUpdate();
            }
            em.createNativeQuery(RawRows.MARK + "UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1").setParameter(1, head[0])
                    .setParameter(2, head[1]).executeUpdate();
            transaction.commit();
        }
        assertEquals(Optional.empty(), verify(auditLog), "intact once the rows are back");
    }

    @SuppressWarnings("unchecked")
    private static Optional<Long> verify(Object auditLog) throws Exception {
        return (Optional<Long>) auditLog.getClass().getMethod("verify").invoke(auditLog);
    }
}
