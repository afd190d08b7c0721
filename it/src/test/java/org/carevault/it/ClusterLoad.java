package org.carevault.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cluster's benchmark (run by {@code bin/bench-cluster}, not a test): the consent-checked medication-scheme read
 * and write through the balancer, first with both nodes, then with node 2 stopped (the balancer's health check takes
 * it out), in one run, on PostgreSQL. Every request is decided and audited, so the read phase also measures the audit
 * chain's single head row, which every audited request of every node locks. Arguments: seconds per phase (default 20).
 */
public final class ClusterLoad {

    static {
        // Before any HTTP client exists: Keycloak's certificate comes from the demo CA (see ClusterIT).
        System.setProperty("javax.net.ssl.trustStore", Stack.PKI.resolve("truststore.p12").toString());
        System.setProperty("javax.net.ssl.trustStorePassword", Stack.secret("pki.truststore-password"));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final int CLIENTS = 16;

    private ClusterLoad() {
    }

    interface Call {
        int send(int client) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String gp = ConsentApi.token("physician");
        String[][] patients = new String[CLIENTS][];
        long[] versions = new long[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            patients[i] = ConsentApi.patientOfThePhysician();
            versions[i] = write(gp, patients[i], 0) == 201 ? 1 : 0;
        }
        Call read = client -> CLIENT.send(HttpRequest.newBuilder(URI.create(Stack.HUB + ConsentApi.BASE + patients[client][1]
                + "/medication-scheme")).header("Authorization", "Bearer " + gp).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        Call write = client -> {
            int status = write(gp, patients[client], versions[client]);
            versions[client]++;
            return status;
        };
        phase("warm-up (not reported)", seconds, read);
        double readTwo = phase("read, 2 nodes", seconds, read);
        double writeTwo = phase("write, 2 nodes", seconds, write);
        System.out.println("stopping node 2; waiting for the balancer to take it out");
        ClusterIT.stack("kill-node", "2");
        Thread.sleep(5_000);
        double readOne = phase("read, 1 node", seconds, read);
        double writeOne = phase("write, 1 node", seconds, write);
        System.out.printf("two nodes / one node: read %.2f, write %.2f%n", readTwo / readOne, writeTwo / writeOne);
        ClusterIT.stack("restart-node", "2");
    }

    private static int write(String gp, String[] patient, long version) {
        return MedicationSchemeIT.putNextVersion(patient[0], patient[1], gp, version, "Benchmarkol v" + (version + 1)).statusCode();
    }

    /**
     * Calls and total milliseconds PostgreSQL spent on the statement that locks the audit chain's head row (the wait
     * for the lock included): every audited request of every node runs it once.
     */
    private static double[] auditHeadLock() throws SQLException {
        String url = Stack.serverProperty("carevault.db.url").replaceAll("/[^/]+$", "/postgres");
        try (Connection admin = DriverManager.getConnection(url, "postgres", Stack.secret("postgres.superuser-password"));
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet row = sql.executeQuery("SELECT COALESCE(SUM(calls), 0), COALESCE(SUM(total_exec_time), 0)"
                    + " FROM pg_stat_statements WHERE query ILIKE '%from audit_head%for%update%'")) {
                row.next();
                return new double[] {row.getDouble(1), row.getDouble(2)};
            }
        }
    }

    /** Runs the call from 16 clients (client i always on patient i) for the given time; returns requests per second. */
    private static double phase(String name, int seconds, Call call) throws Exception {
        double[] lockBefore = auditHeadLock();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<long[]>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            clients.add(pool.submit(() -> {
                long[] latencies = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status = call.send(client);
                    if (status / 100 != 2) {
                        throw new IllegalStateException(name + ": status " + status);
                    }
                    latencies = n == latencies.length ? Arrays.copyOf(latencies, n * 2) : latencies;
                    latencies[n++] = System.nanoTime() - sent;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> client : clients) {
            Arrays.stream(client.get()).forEach(all::add);
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        all.sort(null);
        double perSecond = all.size() / elapsed;
        double[] lockAfter = auditHeadLock();
        double locks = lockAfter[0] - lockBefore[0];
        double lockMillis = locks == 0 ? 0 : (lockAfter[1] - lockBefore[1]) / locks;
        double meanMillis = all.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        System.out.printf("%-24s %d clients: %6.0f req/s, p50 %6.1f ms, p99 %6.1f ms (%d requests); audit head lock:"
                + " %.0f per s, %.2f ms each (%.0f %% of a request's mean %.1f ms)%n", name, CLIENTS, perSecond,
                all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, all.size(), locks / elapsed,
                lockMillis, 100 * lockMillis / meanMillis, meanMillis);
        return perSecond;
    }
}
