package org.carevault.application.access;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.carevault.domain.access.PatientAccessState;
import org.carevault.domain.consent.PatientRef;
import org.infinispan.Cache;

/**
 * The decision cache: patients' access states in an Infinispan cache (container {@code carevault},
 * cache {@code access-state}, declared by the server's CLI script) in front of the database.
 *
 * <p>A change invalidates the patient's entry after its transaction completes, so the very next
 * request loads the new state. A load that raced with any invalidation is not kept: the loader
 * notes the invalidation count before reading the database and drops what it cached if the count
 * moved meanwhile, so a state read before a commit can never outlive that commit in the cache.
 */
@ApplicationScoped
public class AccessStateCache {

    @Resource(lookup = "java:jboss/infinispan/cache/carevault/access-state")
    private Cache<String, PatientAccessState> cache;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @EJB
    private AccessStateStore store;

    @Inject
    private AccessMetrics metrics;

    private final AtomicLong invalidations = new AtomicLong();

    public PatientAccessState get(PatientRef patient, Instant now) {
        long start = System.nanoTime();
        PatientAccessState cached = cache.get(patient.value());
        if (cached != null) {
            metrics.cacheHit(System.nanoTime() - start);
            return cached;
        }
        long before = invalidations.get();
        PatientAccessState loaded = store.load(patient, now);
        cache.putForExternalRead(patient.value(), loaded);
        if (invalidations.get() != before) {
            cache.remove(patient.value());
        }
        metrics.databaseLoad(System.nanoTime() - start);
        return loaded;
    }

    /** Drops the patient's entry now and again when the current transaction has completed. */
    public void invalidateAfterCompletion(PatientRef patient) {
        invalidate(patient);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                invalidate(patient);
            }
        });
    }

    private void invalidate(PatientRef patient) {
        invalidations.incrementAndGet();
        cache.remove(patient.value());
    }

    /** Whether the cache holds an entry for the patient (for tests and operators). */
    public boolean holds(PatientRef patient) {
        return cache.containsKey(patient.value());
    }
}
