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
 * In-container: the hub's time-stamp authority anchors the heads of the chains; then the newest
 * entries of one chain are removed and its head row rewound to an earlier entry — a truncation the
 * hash chain alone cannot see, since every remaining link holds — and the anchor names the first
 * entry that can no longer be trusted. The rows are put back and the chains verify again.
 */
@ExtendWith(ArquillianExtension.class)
class AuditAnchorIT {

    private static final String EJB = "java:global/carevault/ejb/";
    private static final String COLUMNS = "seq, chain_no, chain_pos, occurred_at, channel, action, caller_type, caller_id, caller_role, caller_nihii,"
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

        transaction.begin();
        // The chain that the new anchor names furthest: its last two anchored entries go, its head is rewound.
        Object[] anchoredHead = (Object[]) em.createNativeQuery(RawRows.MARK + "SELECT chain_no, chain_pos FROM audit_anchor_head"
                + " WHERE anchor_seq = ?1 ORDER BY chain_pos DESC").setParameter(1, anchored.get()).setMaxResults(1).getSingleResult();
        int chain = ((Number) anchoredHead[0]).intValue();
        long keep = ((Number) anchoredHead[1]).longValue() - 2;
        assertTrue(keep >= 0, "the wire tests before left entries to remove");
        Number previousAnchor = (Number) em.createNativeQuery(RawRows.MARK + "SELECT MAX(chain_pos) FROM audit_anchor_head"
                + " WHERE chain_no = ?1 AND chain_pos <= ?2").setParameter(1, chain).setParameter(2, keep).getSingleResult();
        Object[] layout = (Object[]) em.createNativeQuery(RawRows.MARK + "SELECT seq_base, seq_step FROM audit_head WHERE id = ?1")
                .setParameter(1, chain).getSingleResult();
        List<Object[]> removed = em.createNativeQuery(RawRows.MARK + "SELECT " + COLUMNS + " FROM audit_entry WHERE chain_no = ?1"
                + " AND chain_pos > ?2 ORDER BY chain_pos").setParameter(1, chain).setParameter(2, keep).getResultList();
        Object[] head = (Object[]) em.createNativeQuery(RawRows.MARK + "SELECT seq, chain_pos, hash FROM audit_head WHERE id = ?1")
                .setParameter(1, chain).getSingleResult();
        Object[] kept = (Object[]) em.createNativeQuery(RawRows.MARK + "SELECT seq, hash FROM audit_entry WHERE chain_no = ?1"
                + " AND chain_pos = ?2").setParameter(1, chain).setParameter(2, keep).getSingleResult();
        em.createNativeQuery(RawRows.MARK + "DELETE FROM audit_entry WHERE chain_no = ?1 AND chain_pos > ?2").setParameter(1, chain)
                .setParameter(2, keep).executeUpdate();
        rewind(chain, kept[0], keep, kept[1]);
        transaction.commit();
        try {
            long trusted = previousAnchor == null ? 0 : previousAnchor.longValue() + 1;
            long expected = ((Number) layout[0]).longValue() + trusted * ((Number) layout[1]).longValue();
            assertEquals(Optional.of(expected), verify(auditLog), "trust ends where the last intact anchor of the chain ends");
        } finally {
            transaction.begin();
            String insert = "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                    + " ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
            for (Object[] row : removed) {
                var query = em.createNativeQuery(RawRows.MARK + insert);
                for (int i = 0; i < row.length; i++) {
                    query.setParameter(i + 1, row[i]);
                }
                query.executeUpdate();
            }
            rewind(chain, head[0], head[1], head[2]);
            transaction.commit();
        }
        assertEquals(Optional.empty(), verify(auditLog), "intact once the rows are back");
    }

    private void rewind(int chain, Object seq, Object position, Object hash) {
        em.createNativeQuery(RawRows.MARK + "UPDATE audit_head SET seq = ?1, chain_pos = ?2, hash = ?3 WHERE id = ?4")
                .setParameter(1, seq).setParameter(2, position).setParameter(3, hash).setParameter(4, chain).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Long> verify(Object auditLog) throws Exception {
        return (Optional<Long>) auditLog.getClass().getMethod("verify").invoke(auditLog);
    }
}
