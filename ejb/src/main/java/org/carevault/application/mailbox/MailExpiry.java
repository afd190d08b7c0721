package org.carevault.application.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.audit.AuditEvent;
import org.carevault.application.audit.AuditLog;
import org.carevault.domain.Channel;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Decision;
import org.carevault.domain.access.Operation;
import org.carevault.infrastructure.cluster.ScheduledJobs;
import org.jboss.logging.Logger;

/**
 * Removes messages older than {@code carevault.mailbox.lifetime-days} (default 365) from every box,
 * every {@code carevault.mailbox.expiry-interval-seconds} (default one hour), in batches; each run
 * that removed something leaves one entry in the audit trail (how many, never which). Boxes that had
 * space freed let their waiting messages in.
 */
@Singleton
@Startup
public class MailExpiry {

    private static final Logger LOG = Logger.getLogger(MailExpiry.class);
    private static final int BATCH = 500;

    @Resource
    private TimerService timers;

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @Inject
    private MailboxRepository repository;

    @EJB
    private AuditLog audit;

    @EJB
    private MailboxService mailbox;

    @EJB
    private ScheduledJobs jobs;

    private long seconds;

    @PostConstruct
    void schedule() {
        seconds = Long.getLong("carevault.mailbox.expiry-interval-seconds", 3600);
        if (seconds > 0) {
            timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("mailbox-expiry", false));
        }
    }

    /** Every node's timer fires; one node per period expires (see {@link ScheduledJobs}). */
    @Timeout
    void onTimer() {
        Instant now = Instant.now();
        if (jobs.claim("mailbox-expiry", seconds, now)) {
            expireNow(now);
        }
    }

    /** How long a message is kept ({@code carevault.mailbox.lifetime-days}, default 365): what every interface tells of it. */
    public static Duration lifetime() {
        return Duration.ofDays(Long.getLong("carevault.mailbox.lifetime-days", 365));
    }

    /** Removes the messages sent before {@code now} minus the lifetime; returns how many. */
    public int expireNow(Instant now) {
        Instant before = now.minus(lifetime());
        List<UUID> expired = repository.sentBefore(before, BATCH);
        if (expired.isEmpty()) {
            return 0;
        }
        List<BoxOwner> freed = repository.boxesHolding(expired);
        repository.deleteMessages(expired);
        audit.record(new AuditEvent(now, Channel.BATCH, "ExpireMessages", Optional.empty(), Optional.empty(), Optional.empty(),
                DataType.MESSAGE_META, Operation.WRITE, Decision.permit(Decision.Basis.ROLE), Optional.empty(),
                Optional.of(Integer.toString(expired.size()))));
        em.flush();
        freed.forEach(mailbox::admitWaiting);
        LOG.infof("CV-MAIL-100 %d expired messages removed", expired.size());
        return expired.size();
    }
}
