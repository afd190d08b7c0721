package org.carevault.application.access;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.time.Instant;
import org.carevault.domain.access.PatientAccessState;
import org.carevault.domain.consent.PatientRef;
import org.infinispan.Cache;

/**
 * The decision cache: patients' access states in an Infinispan cache (container {@code carevault},
 * cache {@code access-state}, declared by the server's CLI script) in front of the database.
 *
 * <p>Correctness does not rest on invalidation messages reaching every node. Every change to a
 * patient's consent, relationships or exclusions increments the patient's change counter
 * ({@code patient_record.changes}) in its own transaction; each decision reads that counter (one
 * primary-key lookup) and uses the cached state only if it was loaded at the same count. So the
 * very next request after a commit sees the change, on this node or any other, even if an
 * invalidation was lost or raced with a load. The state is read after the counter, so a state
 * cached under a count is never older than that count. Entries are also dropped after each change
 * commits, so that memory holds only states still in use.
 */
@ApplicationScoped
public class AccessStateCache {

    /** A state and the patient's change count it was loaded at. */
    public record Versioned(long changes, PatientAccessState state) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Resource(lookup = "java:jboss/infinispan/cache/carevault/access-state")
    private Cache<String, Versioned> cache;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @EJB
    private AccessStateStore store;

    @Inject
    private AccessMetrics metrics;

    public PatientAccessState get(PatientRef patient, Instant now) {
        long start = System.nanoTime();
        long changes = store.changes(patient);
        Versioned cached = cache.get(patient.value());
        if (cached != null && cached.changes() == changes) {
            metrics.cacheHit(System.nanoTime() - start);
            return cached.state();
        }
        PatientAccessState loaded = store.load(patient, now);
        cache.put(patient.value(), new Versioned(changes, loaded));
        metrics.databaseLoad(System.nanoTime() - start);
        return loaded;
    }

    /**
     * Starts a change to the patient's consent, relationships or exclusions: takes the patient's lock
     * (which also moves the change count every decision checks) and drops the patient's entry now and
     * again when the transaction has completed.
     */
    public void beginChange(PatientRef patient, Instant now) {
        store.lockForChange(patient, now);
        invalidateAfterCompletion(patient);
    }

    private void invalidateAfterCompletion(PatientRef patient) {
        cache.remove(patient.value());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                cache.remove(patient.value());
            }
        });
    }
}
