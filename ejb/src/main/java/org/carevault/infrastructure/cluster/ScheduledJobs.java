package org.carevault.infrastructure.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Periodic jobs run once per period in the whole cluster. Each node keeps its own timer; when it fires, the job
 * claims the current period (its number: seconds since the epoch divided by the interval) by moving its row in
 * {@code scheduled_job} forward. The row lock makes a second node wait for the first one's transaction, then find
 * the period taken. The claim is part of the job's transaction: a job that fails leaves the period to the next
 * firing, on any node. When a node dies, the others go on claiming the next periods: nothing to fail over.
 */
@Stateless
public class ScheduledJobs {

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    /** True when this node may run {@code job} now: it took the current period, which nobody had run. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean claim(String job, long intervalSeconds, Instant now) {
        long period = now.getEpochSecond() / Math.max(1, intervalSeconds);
        String node = node();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int taken = em.createNativeQuery("UPDATE scheduled_job SET period = ?1, node = ?2, ran_at = ?3 WHERE name = ?4"
                + " AND period < ?1").setParameter(1, period).setParameter(2, node).setParameter(3, at).setParameter(4, job)
                .executeUpdate();
        if (taken == 1) {
            em.createNativeQuery("INSERT INTO scheduled_run (name, period, node, ran_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, job).setParameter(2, period).setParameter(3, node).setParameter(4, at).executeUpdate();
        }
        return taken == 1;
    }

    /** This node's name in the cluster (jboss.node.name), or the host's for a single node. */
    static String node() {
        String name = System.getProperty("jboss.node.name", "node");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
