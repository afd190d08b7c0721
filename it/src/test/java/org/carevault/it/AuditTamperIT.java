package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.Optional;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container, on the hub's real database: an audit row changed behind the application's back
 * (a refusal rewritten as a permit, by SQL) is named by the chain verification of the deployed hub;
 * once restored, the chain is intact again. The hub's own verifier is reached through JNDI.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTamperIT {

    private static final String AUDIT_LOG = "java:global/carevault/ejb/AuditLog!org.carevault.application.audit.AuditLog";

    @Deployment
    static WebArchive deployment() {
        return InContainer.withSql(AuditTamperIT.class);
    }

    @PersistenceContext(unitName = "in-container")
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Test
    void aChangedRowIsNamedByTheVerification() throws Exception {
        Object auditLog = new InitialContext().lookup(AUDIT_LOG);
        assertEquals(Optional.empty(), verify(auditLog), "intact before");

        transaction.begin();
        Long target = (Long) em.createNativeQuery(RawRows.MARK
                + "SELECT MIN(seq) FROM audit_entry WHERE decision <> 'PERMIT'", Long.class).getSingleResult();
        if (target == null) {
            transaction.rollback();
            throw new AssertionError("the wire tests that ran before left no refusal to tamper with");
        }
        String original = (String) em.createNativeQuery(RawRows.MARK + "SELECT decision FROM audit_entry WHERE seq = ?1", String.class)
                .setParameter(1, target).getSingleResult();
        em.createNativeQuery(RawRows.MARK + "UPDATE audit_entry SET decision = 'PERMIT' WHERE seq = ?1").setParameter(1, target)
                .executeUpdate();
        transaction.commit();
        try {
            assertEquals(Optional.of(target), verify(auditLog), "the rewritten entry is named");
        } finally {
            transaction.begin();
            em.createNativeQuery(RawRows.MARK + "UPDATE audit_entry SET decision = ?1 WHERE seq = ?2").setParameter(1, original)
                    .setParameter(2, target).executeUpdate();
            transaction.commit();
        }
        assertEquals(Optional.empty(), verify(auditLog), "intact once restored");

        transaction.begin();
        long last = ((Number) em.createNativeQuery(RawRows.MARK + "SELECT MAX(seq) FROM audit_entry").getSingleResult()).longValue();
        transaction.rollback();
        assertTrue(last >= target);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Long> verify(Object auditLog) throws Exception {
        return (Optional<Long>) auditLog.getClass().getMethod("verify").invoke(auditLog);
    }
}
