package org.carevault.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The access benchmark (run by {@code bin/bench-access}, not a test): a load of real REST requests
 * with real tokens against a running hub, in three phases, and the decision point's own counters
 * from the server for each phase.
 * <ol>
 * <li>setup: N patients, each with consent and a GP relationship (every change empties the patient's cache entry);</li>
 * <li>first decision per patient: every state comes from the database;</li>
 * <li>R rounds over the same patients: every state comes from the cache;</li>
 * <li>the cost of decision + audit within a request: the server's mean decision time against the
 * client's mean request time, for the same requests, in the same run.</li>
 * </ol>
 * Arguments: patients (default 500), rounds (default 10), threads (default 4).
 */
public final class AccessLoad {

    private AccessLoad() {
    }

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            refs.add(null);
        }
        run(pool, patients, i -> {
            String ref = ConsentApi.resolve(ConsentApi.newSsin());
            ConsentApi.putConsentAsProfessional(ref, "physician");
            ConsentApi.linkId(ref, "physician");
            refs.set(i, ref);
            return 0;
        });
        System.out.printf("setup: %d patients with consent and a relationship, %d threads%n", patients, threads);

        // Warm the JIT on the cache path with other patients, so that phase 1 measures the database, not a cold server.
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String ref = ConsentApi.resolve(ConsentApi.newSsin());
            ConsentApi.putConsentAsProfessional(ref, "physician");
            ConsentApi.linkId(ref, "physician");
            warm.add(ref);
        }
        run(pool, 2000, i -> check(warm.get(i % warm.size())));

        JsonNode before = metrics();
        Phase fromDatabase = run(pool, patients, i -> check(refs.get(i)));
        JsonNode afterDatabase = metrics();
        Phase fromCache = run(pool, patients * rounds, i -> check(refs.get(i % patients)));
        JsonNode afterCache = metrics();

        report("first decision per patient", fromDatabase, before, afterDatabase);
        report("later decisions", fromCache, afterDatabase, afterCache);
        pool.shutdown();
    }

    private static long check(String ref) {
        HttpResponse<String> response = ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("unexpected " + response.statusCode() + " " + response.body());
        }
        return 0;
    }

    private static JsonNode metrics() {
        return Http.json(Http.get("/api/v1/admin/access-metrics", ConsentApi.token("admin")));
    }

    /** What the client saw in one phase. */
    record Phase(int requests, long nanos, double meanLatencyMicros) {
        double perSecond() {
            return requests / (nanos / 1e9);
        }
    }

    @FunctionalInterface
    interface Request {
        long send(int index) throws Exception;
    }

    private static Phase run(ExecutorService pool, int count, Request request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        LongAdder latency = new LongAdder();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize(); t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    request.send(i);
                    latency.add(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return new Phase(count, System.nanoTime() - start, latency.sum() / 1000.0 / count);
    }

    private static void report(String name, Phase phase, JsonNode before, JsonNode after) {
        long decisions = after.get("decisions").asLong() - before.get("decisions").asLong();
        double decisionMicros = delta(before, after, "decisions", "meanDecisionMicros");
        long hits = after.get("cacheHits").asLong() - before.get("cacheHits").asLong();
        long loads = after.get("databaseLoads").asLong() - before.get("databaseLoads").asLong();
        double lookupMicros = hits >= loads ? delta(before, after, "cacheHits", "meanCacheHitMicros")
                : delta(before, after, "databaseLoads", "meanDatabaseLoadMicros");
        System.out.printf("%s: %d requests, %.0f req/s, mean request %.0f µs (client)%n", name, phase.requests(),
                phase.perSecond(), phase.meanLatencyMicros());
        System.out.printf("  server: %d decisions (state from cache %d, from database %d), state lookup %.1f µs,"
                + " decision + audit %.0f µs = %.0f%% of the request; request / request without it = %.2f%n",
                decisions, hits, loads, lookupMicros, decisionMicros, 100 * decisionMicros / phase.meanLatencyMicros(),
                phase.meanLatencyMicros() / (phase.meanLatencyMicros() - decisionMicros));
    }

    /** The mean of a counter over the interval between two snapshots. */
    private static double delta(JsonNode before, JsonNode after, String count, String mean) {
        long n0 = before.get(count).asLong();
        long n1 = after.get(count).asLong();
        double total = after.get(mean).asDouble() * n1 - before.get(mean).asDouble() * n0;
        return n1 == n0 ? 0 : total / (n1 - n0);
    }
}
