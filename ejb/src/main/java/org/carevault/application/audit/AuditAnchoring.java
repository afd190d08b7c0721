package org.carevault.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.carevault.crypto.audit.AuditAnchor;
import org.carevault.crypto.audit.AuditChain;
import org.carevault.infrastructure.cluster.ScheduledJobs;
import org.jboss.logging.Logger;

/**
 * Anchors the audit chain: every {@code carevault.audit.anchor-interval-seconds} (default 600), if
 * entries were added since the last anchor, the hub's time-stamp authority stamps the head's
 * sequence and hash. A rewrite of history that recomputes every later hash then no longer matches
 * the anchors, and {@link AuditLog#verify()} says from which entry on the chain cannot be trusted.
 */
@Singleton
@Startup
public class AuditAnchoring {

    private static final Logger LOG = Logger.getLogger(AuditAnchoring.class);

    @Resource
    private TimerService timers;

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @EJB
    private HubTimeStampAuthority tsa;

    @EJB
    private ScheduledJobs jobs;

    private long seconds;

    @PostConstruct
    void schedule() {
        seconds = Long.parseLong(System.getProperty("carevault.audit.anchor-interval-seconds", "600"));
        if (seconds > 0) {
            timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("audit-anchoring", false));
        }
    }

    /** Every node's timer fires; one node per period anchors (see {@link ScheduledJobs}). */
    @Timeout
    void onTimer() {
        if (jobs.claim("audit-anchoring", seconds, Instant.now())) {
            anchorNow();
        }
    }

    /** Anchors the current head if it moved since the last anchor; returns the anchored sequence, if any. */
    public Optional<Long> anchorNow() {
        if (tsa.authority().isEmpty()) {
            return Optional.empty();
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        Long last = em.createQuery("select max(a.seq) from AuditAnchorRecord a", Long.class).getSingleResult();
        if (head.seq() < 0 || last != null && last >= head.seq()) {
            return Optional.empty();
        }
        AuditAnchor anchor = AuditAnchor.of(new AuditChain.Entry(head.seq(), new byte[0], head.hash()), tsa.authority().get());
        em.persist(new AuditAnchorRecord(anchor, Instant.now()));
        LOG.infof("CV-AUDIT-001 audit chain anchored at entry %d", head.seq());
        return Optional.of(head.seq());
    }
}
