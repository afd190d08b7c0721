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
import java.util.List;
import java.util.Optional;
import org.carevault.crypto.audit.AuditAnchor;
import org.carevault.infrastructure.cluster.ScheduledJobs;
import org.jboss.logging.Logger;

/**
 * Anchors the audit chains: every {@code carevault.audit.anchor-interval-seconds} (default 600), if
 * entries were added since the last anchor, the hub's time-stamp authority stamps the heads of all
 * chains together (chain, position and hash of each). A rewrite of history that recomputes every later hash then no longer matches
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

    /**
     * Anchors the heads of every chain in one time-stamp if any chain moved since the last anchor;
     * returns the anchor's number (the entries it covers, minus one), if one was made.
     */
    public Optional<Long> anchorNow() {
        if (tsa.authority().isEmpty()) {
            return Optional.empty();
        }
        // One statement, so that the heads are read at one moment (each names a committed entry).
        List<AuditAnchor.Head> heads = em.createQuery("select h from AuditHead h order by h.chain", AuditHead.class)
                .getResultList().stream().flatMap(head -> head.asAnchorHead().stream()).toList();
        long covered = heads.stream().mapToLong(head -> head.position() + 1).sum() - 1;
        Long last = em.createQuery("select max(a.seq) from AuditAnchorRecord a", Long.class).getSingleResult();
        if (covered < 0 || last != null && last >= covered) {
            return Optional.empty();
        }
        AuditAnchor anchor = AuditAnchor.of(heads, tsa.authority().get());
        em.persist(new AuditAnchorRecord(covered, anchor, Instant.now()));
        LOG.infof("CV-AUDIT-001 audit chains anchored: %d chains, %d entries", heads.size(), covered + 1);
        return Optional.of(covered);
    }
}
