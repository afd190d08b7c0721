package org.carevault.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.carevault.crypto.pki.Credential;
import org.carevault.it.SchemeMessages.Element;

/**
 * The vault's read benchmark (run by {@code bin/bench-vault}, not a test): a 30 KB medication scheme
 * read with consent, relationship, decision and audit, over REST (real token) and over SOAP (each
 * request signed by the GP's certificate), side by side in the same run with a bare endpoint of the
 * same server that returns the same bytes without any check. Throughput and p50/p99 per phase.
 * Arguments: seconds per phase (default 15).
 */
public final class VaultLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private VaultLoad() {
    }

    @FunctionalInterface
    interface Call {
        int send() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String ssin = ConsentApi.newSsin();
        String ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "physician");
        ConsentApi.linkId(ref, "physician");
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            elements.add(Element.of("Medication " + i + " " + "1 tablet in the morning with water, ".repeat(25)));
        }
        var stored = MedicationSchemeIT.put(ConsentApi.BASE + ref + "/medication-scheme", ConsentApi.token("physician"), "\"0\"",
                SchemeMessages.scheme(ssin, "1", elements));
        if (stored.statusCode() != 201) {
            throw new IllegalStateException(stored.body());
        }
        byte[] scheme = Http.get(ConsentApi.BASE + ref + "/medication-scheme", ConsentApi.token("physician")).body()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/bench/bare")).header("Content-Type", "application/xml")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(scheme)));
        System.out.printf("scheme: %d bytes, %d elements; %d s per phase%n", scheme.length, elements.size(), seconds);

        String token = ConsentApi.token("physician");
        HttpRequest bare = HttpRequest.newBuilder(URI.create(Stack.HUB + "/bench/bare")).GET().build();
        HttpRequest checked = HttpRequest.newBuilder(URI.create(Stack.HUB + ConsentApi.BASE + ref + "/medication-scheme"))
                .header("Authorization", "Bearer " + token).GET().build();
        Credential gp = SoapAuthenticationIT.demo("gp.peeters");
        String patient = "<c:PatientSsin>" + ssin + "</c:PatientSsin>";

        // The server's JIT compiles for minutes on two cores: warm every path before anything is reported.
        int warmUp = Integer.getInteger("bench.warm-up", 60);
        phase("warm-up (not reported)", 16, warmUp, () -> Math.max(send(checked), send(bare)));
        if (Boolean.getBoolean("bench.size")) {
            sizes(seconds, checked);
            return;
        }
        for (int clients : Integer.getInteger("bench.clients", 0) > 0 ? new int[] {Integer.getInteger("bench.clients")} : new int[] {16, 64}) {
            Result base = phase("bare endpoint, same bytes", clients, seconds, () -> send(bare));
            Result rest = phase("REST, consent-checked", clients, seconds, () -> send(checked));
            System.out.printf("  REST / bare at %d clients: %.2f%n", clients, rest.perSecond() / base.perSecond());
        }
        // Medical software signs on its own machine: the requests are signed before the phase, so that the load tool
        // does not take the server's CPU to sign (each is still unique and verified by the server, within its TTL).
        List<HttpRequest> warmSigned = signed(Math.max(200, warmUp * 10), patient, gp);
        AtomicInteger warmNext = new AtomicInteger();
        phase("SOAP warm-up (not reported)", 16, Math.max(5, warmUp / 3), () -> warmNext.get() < warmSigned.size()
                ? send(warmSigned.get(Math.min(warmNext.getAndIncrement(), warmSigned.size() - 1))) : send(bare));
        List<HttpRequest> signed = signed(Integer.getInteger("bench.soap-requests", 4000), patient, gp);
        AtomicInteger next = new AtomicInteger();
        Result base = phase("bare endpoint, same bytes", 16, seconds, () -> send(bare));
        Result soap = phase("SOAP, signed, consent-checked", 16, seconds, () -> {
            int i = next.getAndIncrement();
            return i < signed.size() ? send(signed.get(i)) : STOP;
        });
        System.out.printf("  SOAP / bare at 16 clients: %.2f%n", soap.perSecond() / base.perSecond());
    }

    /** A phase's call answers this when it has nothing left to send (the phase then ends for that client). */
    private static final int STOP = -1;

    private static List<HttpRequest> signed(int count, String patient, Credential gp) throws Exception {
        long start = System.nanoTime();
        List<HttpRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(SignedSoap.vaultRequest("GetTransactionSet", patient, gp));
        }
        System.out.printf("signed %d SOAP requests in advance (%.1f ms each)%n", count, (System.nanoTime() - start) / 1e6 / count);
        return requests;
    }

    /**
     * Read latency with 10 k consents / 1 k schemes in the database, then with 1 M consents / 100 k schemes
     * (synthetic rows from the baseline WAR's generator), in one run.
     */
    private static void sizes(int seconds, HttpRequest checked) throws Exception {
        long consents = Long.getLong("bench.size.consents", 1_000_000);
        long schemes = Long.getLong("bench.size.schemes", 100_000);
        System.out.println(generate(1, 10_000, 1_000));
        Result small = phase("REST read, 10 k consents", 16, seconds, () -> send(checked));
        System.out.println(generate(10_001, consents - 10_000, schemes - 1_000));
        phase("warm-up after growth (not reported)", 16, Math.max(5, seconds / 3), () -> send(checked));
        Result large = phase("REST read, " + consents / 1000 + " k consents", 16, seconds, () -> send(checked));
        System.out.printf("  p99 large / small: %.2f, p50 large / small: %.2f%n", large.p99Millis() / small.p99Millis(),
                large.p50Millis() / small.p50Millis());
    }

    private static String generate(long from, long consents, long schemes) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/bench/generate?from=" + from
                + "&consents=" + consents + "&schemes=" + schemes)).timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static int send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** One phase's outcome. */
    record Result(long requests, double seconds, double p50Millis, double p99Millis) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private static Result phase(String name, int clients, int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status = call.send();
                    if (status == STOP) {
                        break;
                    }
                    if (status != 200) {
                        throw new IllegalStateException("status " + status);
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - sent;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] some = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + some.length);
            System.arraycopy(some, 0, merged, all.length, some.length);
            all = merged;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        Result result = new Result(all.length, elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
        System.out.printf("%-32s %3d clients: %6.0f req/s, p50 %6.1f ms, p99 %6.1f ms (%d requests)%n", name, clients,
                result.perSecond(), result.p50Millis(), result.p99Millis(), result.requests());
        return result;
    }
}
