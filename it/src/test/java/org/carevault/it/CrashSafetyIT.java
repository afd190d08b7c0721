package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 2xx means it is stored: WildFly is killed with SIGKILL (no shutdown) while 16 clients write medication schemes,
 * one patient each, then started again on the same data (H2 or PostgreSQL, whichever the stack runs). Every version
 * a client saw acknowledged must be there, readable and with what was sent; no version may be half written; the
 * audit chain verifies. Runs after the rest of the wire suite (its own failsafe execution): it kills the server.
 */
class CrashSafetyIT {

    private static final int WRITERS = 16;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(Long.getLong("carevault.it.crash.seconds", 12));
    private static final List<String> REFUSALS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What one client saw: the last version acknowledged with a 2xx, and the drug name it wrote in it. */
    private record Acknowledged(String ssin, String ref, long version, String drug) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        String gp = ConsentApi.token("physician");
        List<String[]> patients = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            patients.add(ConsentApi.patientOfThePhysician());
        }

        Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (String[] patient : patients) {
            writers.add(pool.submit(() -> write(patient[0], patient[1], gp, acknowledged)));
        }
        Thread.sleep(LOAD_BEFORE_KILL.toMillis());
        long writtenBeforeKill = acknowledged.values().stream().mapToLong(Acknowledged::version).sum();
        stack("kill-wildfly");
        int total = 0;
        for (Future<Integer> writer : writers) {
            total += writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTrue(writtenBeforeKill > WRITERS, "the clients were writing when the server was killed: " + writtenBeforeKill
                + " " + REFUSALS.stream().distinct().limit(3).toList());

        stack("restart-wildfly");
        List<String> lost = new ArrayList<>();
        for (Acknowledged last : acknowledged.values()) {
            String path = ConsentApi.BASE + last.ref() + "/medication-scheme";
            long stored = Http.json(Http.get(path + "/latest-update", gp)).get("version").asLong();
            if (stored < last.version()) {
                lost.add(last.ref() + ": acknowledged " + last.version() + ", stored " + stored);
                continue;
            }
            // The last versions (those written around the kill) read whole; the acknowledged one holds what was sent.
            for (long v = Math.max(1, last.version() - 10); v <= stored; v++) {
                HttpResponse<String> version = Http.get(path + "/versions/" + v, gp);
                assertEquals(200, version.statusCode(), () -> "version readable after the restart: " + version.body());
                assertTrue(version.body().endsWith("</kmehrmessage>"), "version " + v + " whole");
                if (v == last.version()) {
                    assertTrue(version.body().contains(last.drug()), "the acknowledged content of version " + v);
                }
            }
        }
        System.out.printf("crash safety: %d writes acknowledged by %d clients before the SIGKILL (%d sent), lost after restart: %d%n",
                acknowledged.values().stream().mapToLong(Acknowledged::version).sum(), WRITERS, total, lost.size());
        assertEquals(List.of(), lost, "acknowledged writes lost");

        HttpResponse<String> chain = Http.get("/api/v1/admin/audit-chain", ConsentApi.token("admin"));
        assertEquals(200, chain.statusCode(), chain::body);
        assertTrue(Http.json(chain).get("intact").asBoolean(), chain::body);
    }

    /** Writes version after version until the server stops answering; returns how many were sent. */
    private static int write(String ssin, String ref, String gp, Map<String, Acknowledged> acknowledged) {
        long version = 0;
        int sent = 0;
        while (true) {
            String drug = "Crashtest " + ref.substring(0, 6) + " v" + (version + 1);
            sent++;
            try {
                HttpResponse<String> response = MedicationSchemeIT.putNextVersion(ssin, ref, gp, version, drug);
                if (response.statusCode() / 100 != 2) {
                    // The server answered but did not store: nothing acknowledged, and the test says why.
                    REFUSALS.add(response.statusCode() + " " + response.body());
                    return sent;
                }
                version++;
                acknowledged.put(ref, new Acknowledged(ssin, ref, version, drug));
            } catch (UncheckedIOException e) {
                REFUSALS.add(e.toString());
                return sent; // the server is gone: this write was never acknowledged
            }
        }
    }

    private static void stack(String command) throws IOException, InterruptedException {
        Path root = Stack.RUN_DIR.toAbsolutePath().getParent().getParent();
        Process process = new ProcessBuilder("bash", root.resolve("bin/stack.sh").toString(), command, "it")
                .inheritIO().start();
        assertTrue(process.waitFor(4, TimeUnit.MINUTES), command + " finished");
        assertEquals(0, process.exitValue(), command);
    }
}
