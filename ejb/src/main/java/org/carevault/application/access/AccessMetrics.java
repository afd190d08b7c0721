package org.carevault.application.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the decision point, for operators and for the access benchmark: how many decisions,
 * how many patients' states came from the cache and how many from the database, and the time each
 * took on the server (state lookup; whole decision including the audit entry).
 */
@ApplicationScoped
public class AccessMetrics {

    private final LongAdder decisions = new LongAdder();
    private final LongAdder decisionNanos = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheHitNanos = new LongAdder();
    private final LongAdder databaseLoads = new LongAdder();
    private final LongAdder databaseLoadNanos = new LongAdder();

    /** The counters at one moment; means in microseconds. */
    public record Snapshot(long decisions, double meanDecisionMicros, long cacheHits, double meanCacheHitMicros,
            long databaseLoads, double meanDatabaseLoadMicros) {
    }

    void decided(long nanos) {
        decisions.increment();
        decisionNanos.add(nanos);
    }

    void cacheHit(long nanos) {
        cacheHits.increment();
        cacheHitNanos.add(nanos);
    }

    void databaseLoad(long nanos) {
        databaseLoads.increment();
        databaseLoadNanos.add(nanos);
    }

    public Snapshot snapshot() {
        return new Snapshot(decisions.sum(), micros(decisionNanos, decisions), cacheHits.sum(), micros(cacheHitNanos, cacheHits),
                databaseLoads.sum(), micros(databaseLoadNanos, databaseLoads));
    }

    private static double micros(LongAdder nanos, LongAdder count) {
        long n = count.sum();
        return n == 0 ? 0 : nanos.sum() / 1000.0 / n;
    }
}
