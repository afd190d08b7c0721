package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.carevault.crypto.pki.Credential;
import org.carevault.it.SchemeMessages.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster's guarantees with two real WildFly nodes (carevault-ha.xml, JGroups over TCP) on one PostgreSQL,
 * behind HAProxy, Keycloak in production mode ({@code bin/stack.sh start cluster}; run by {@code mvn verify
 * -Pcluster} in the it module). Each node is also called directly, to prove what one node does is seen by the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static {
        // Keycloak speaks TLS with the demo CA's certificate: this JVM trusts the stack's trust store.
        System.setProperty("javax.net.ssl.trustStore", Stack.PKI.resolve("truststore.p12").toString());
        System.setProperty("javax.net.ssl.trustStorePassword", Stack.secret("pki.truststore-password"));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static final String NODE_1 = System.getProperty("carevault.it.node1-url", "http://localhost:8580");
    private static final String NODE_2 = System.getProperty("carevault.it.node2-url", "http://localhost:8680");
    private static final String PG_URL = System.getProperty("carevault.it.pg-url", "jdbc:postgresql://127.0.0.1:15932/carevault");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Keycloak in production mode imported the production template beside the test realm: it refuses the password
     * grant, and a hospital gets a token with its generated secret only.
     */
    @Test
    @Order(0)
    void theProductionRealmRefusesThePasswordGrantAndKnowsItsHospitals() throws Exception {
        String endpoint = Stack.tokenEndpoint("carevault-production");
        HttpResponse<String> password = Http.postForm(endpoint, Map.of("grant_type", "password", "client_id", "carevault-portal",
                "username", "gp.peeters", "password", "demo"));
        assertTrue(password.statusCode() == 400 || password.statusCode() == 401, password::body);
        assertTrue(password.body().contains("unauthorized_client") || password.body().contains("invalid_client"), password::body);

        String secret = Stack.secret("keycloak.production.hospital-az-secret");
        HttpResponse<String> hospital = Http.postForm(endpoint, Map.of("grant_type", "client_credentials",
                "client_id", "hospital-az", "client_secret", secret));
        assertEquals(200, hospital.statusCode(), hospital::body);
        HttpResponse<String> wrong = Http.postForm(endpoint, Map.of("grant_type", "client_credentials",
                "client_id", "hospital-az", "client_secret", secret + "x"));
        assertEquals(401, wrong.statusCode(), wrong::body);
        String issuer = Http.json(CLIENT.send(HttpRequest.newBuilder(URI.create(Stack.KEYCLOAK
                + "/realms/carevault-production/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString())).get("issuer").asText();
        assertEquals(Stack.KEYCLOAK + "/realms/carevault-production", issuer, "the hostname is set: https, no guess");
    }

    @Test
    @Order(1)
    void revocationThroughOneNodeRefusesTheNextReadThroughTheOther() throws Exception {
        String gp = ConsentApi.token("physician");
        String ssin = ConsentApi.newSsin();
        String ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "physician");
        String link = ConsentApi.linkId(ref, "physician");
        String scheme = ConsentApi.BASE + ref + "/medication-scheme";
        HttpResponse<String> stored = send(NODE_1, scheme, gp, "PUT",
                SchemeMessages.scheme(ssin, "1", List.of(Element.of("Clustermycin"))), "\"0\"");
        assertEquals(201, stored.statusCode(), stored::body);
        // Node 2 reads (and caches the patient's access state), node 1 revokes, node 2's very next read is refused.
        assertEquals(200, send(NODE_2, scheme, gp, "GET", null, null).statusCode());
        assertEquals(204, send(NODE_1, ConsentApi.BASE + ref + "/therapeutic-links/" + link, gp, "DELETE", null, null).statusCode());
        HttpResponse<String> refused = send(NODE_2, scheme, gp, "GET", null, null);
        assertEquals(403, refused.statusCode(), refused::body);
        assertEquals("CV-CONSENT-002", Http.json(refused).get("code").asText(), refused::body);

        // The same with consent: a new link, a read on node 2, consent withdrawn on node 1, refused on node 2.
        ConsentApi.linkId(ref, "physician");
        assertEquals(200, send(NODE_2, scheme, gp, "GET", null, null).statusCode());
        HttpResponse<String> withdrawn = send(NODE_1, ConsentApi.BASE + ref + "/consent?proof=EID_READING", gp, "DELETE", null, null);
        assertEquals(200, withdrawn.statusCode(), withdrawn::body);
        HttpResponse<String> noConsent = send(NODE_2, scheme, gp, "GET", null, null);
        assertEquals(403, noConsent.statusCode(), noConsent::body);
        assertTrue(Http.json(noConsent).get("code").asText().startsWith("CV-CONSENT-"), noConsent::body);
    }

    @Test
    @Order(2)
    void aSignedRequestAcceptedByOneNodeIsARefusedReplayAtTheOther() throws Exception {
        String ssin = ConsentApi.patientOfThePhysician()[0];
        Credential gp = SoapAuthenticationIT.demo("gp.peeters");
        HttpRequest signed = SignedSoap.vaultRequest("GetTransactionSet", "<c:PatientSsin>" + ssin + "</c:PatientSsin>", gp);

        HttpResponse<String> first = CLIENT.send(to(NODE_1, signed), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first::body);
        for (String node : List.of(NODE_2, NODE_1)) {
            HttpResponse<String> replay = CLIENT.send(to(node, signed), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, replay.statusCode(), () -> "replayed to " + node + ": " + replay.body());
            assertTrue(replay.body().contains("CV-AUTH-005"), replay::body);
        }
        // A fresh signature of the same request is accepted by the other node: only the replay is refused.
        HttpRequest again = SignedSoap.vaultRequest("GetTransactionSet", "<c:PatientSsin>" + ssin + "</c:PatientSsin>", gp);
        assertEquals(200, CLIENT.send(to(NODE_2, again), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    @Order(3)
    void entriesAppendedConcurrentlyOnBothNodesFormValidChains() throws Exception {
        // Four patients, each read through both nodes at once: one chain taken by both nodes, several chains at once.
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String ref = ConsentApi.resolve(ConsentApi.newSsin());
            ConsentApi.putConsentAsProfessional(ref, "physician");
            refs.add(ref);
        }
        String gp = ConsentApi.token("physician");
        long before = count("SELECT COUNT(*) FROM audit_entry");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String node = i % 2 == 0 ? NODE_1 : NODE_2;
            String ref = refs.get(i / 2);
            calls.add(pool.submit(() -> {
                int ok = 0;
                for (int j = 0; j < 40; j++) {
                    ok += send(node, ConsentApi.BASE + ref + "/consent", gp, "GET", null, null).statusCode() == 200 ? 1 : 0;
                }
                return ok;
            }));
        }
        int ok = 0;
        for (Future<Integer> call : calls) {
            ok += call.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(320, ok);
        assertTrue(count("SELECT COUNT(*) FROM audit_entry") - before >= 320, "one entry per audited read");
        assertEquals(0, count("SELECT COUNT(*) FROM audit_head h WHERE h.chain_pos + 1 <> (SELECT COUNT(*) FROM audit_entry e"
                + " WHERE e.chain_no = h.id) OR h.chain_pos <> (SELECT COALESCE(MAX(e.chain_pos), -1) FROM audit_entry e"
                + " WHERE e.chain_no = h.id)"), "in every chain, positions without gap or double up to its head");
        assertEquals(0, count("SELECT COUNT(*) FROM audit_entry e JOIN audit_head h ON h.id = e.chain_no"
                + " WHERE e.seq <> h.seq_base + e.chain_pos * h.seq_step"), "every sequence number where its chain puts it");
        assertTrue(count("SELECT COUNT(DISTINCT chain_no) FROM audit_entry") >= 2, "several chains in use");
        HttpResponse<String> chain = Http.get("/api/v1/admin/audit-chain", ConsentApi.token("admin"));
        assertEquals(200, chain.statusCode(), chain::body);
        assertTrue(Http.json(chain).get("intact").asBoolean(), chain::body);
    }

    @Test
    @Order(4)
    void periodicJobsRunOncePerPeriodAndGoOnWhenTheirNodeDies() throws Exception {
        Thread.sleep(8_000); // several 2 s periods with both nodes up
        Map<String, Integer> twice = runsPerPeriod();
        assertTrue(twice.values().stream().allMatch(runs -> runs == 1), "one run per job and period: " + twice);
        assertTrue(count("SELECT COUNT(*) FROM scheduled_run WHERE name = 'mailbox-expiry'") >= 2, "the job ran");

        stack("kill-node", "1");
        long periodAfterKill = count("SELECT MAX(period) FROM scheduled_run WHERE name = 'mailbox-expiry'");
        Thread.sleep(8_000);
        assertTrue(count("SELECT COUNT(*) FROM scheduled_run WHERE name = 'mailbox-expiry' AND period > " + periodAfterKill
                + " AND node = 'node2'") >= 2, "node 2 runs the periods after node 1 died");
        assertTrue(runsPerPeriod().values().stream().allMatch(runs -> runs == 1), "still once per period");

        stack("restart-node", "1");
        assertEquals(200, CLIENT.send(HttpRequest.newBuilder(URI.create(NODE_1 + "/api/v1/me")).header("Authorization",
                "Bearer " + ConsentApi.token("physician")).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "node 1 serves again after its restart");
    }

    /**
     * Failover: 16 clients write medication schemes through the balancer for 30 s; node 1 is killed with SIGKILL
     * after 10 s. Every write a client saw acknowledged is stored; the share of failed requests is reported.
     */
    @Test
    @Order(5)
    void aNodeKilledUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        String gp = ConsentApi.token("physician");
        int clients = 16;
        List<String[]> patients = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            patients.add(ConsentApi.patientOfThePhysician());
        }
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> writers = new ArrayList<>();
        for (String[] patient : patients) {
            writers.add(pool.submit(() -> {
                long version = 0;
                while (System.nanoTime() < end) {
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> response = MedicationSchemeIT.putNextVersion(patient[0], patient[1], gp, version,
                                "Failover v" + (version + 1));
                        if (response.statusCode() / 100 == 2) {
                            acknowledged.put(patient[1], ++version);
                        } else {
                            failed.incrementAndGet();
                            // A write whose answer was lost may be stored: continue from what the hub has.
                            version = latest(patient[1], gp);
                        }
                    } catch (UncheckedIOException e) {
                        failed.incrementAndGet();
                        version = latest(patient[1], gp);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(10_000);
        stack("kill-node", "1");
        for (Future<?> writer : writers) {
            writer.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Long> entry : acknowledged.entrySet()) {
            long stored = latest(entry.getKey(), gp);
            if (stored < entry.getValue()) {
                lost.add(entry.getKey() + ": acknowledged " + entry.getValue() + ", stored " + stored);
            }
        }
        System.out.printf("failover: %d requests, %d acknowledged versions, %d failed (%.2f %%), lost: %d%n", sent.get(),
                acknowledged.values().stream().mapToLong(Long::longValue).sum(), failed.get(), 100.0 * failed.get() / sent.get(),
                lost.size());
        assertEquals(List.of(), lost);
        HttpResponse<String> chain = Http.get("/api/v1/admin/audit-chain", ConsentApi.token("admin"));
        assertTrue(Http.json(chain).get("intact").asBoolean(), chain::body);
        stack("restart-node", "1");
    }

    /**
     * Portal sessions are not replicated: they stay on their node (HAProxy's CVNODE cookie). When that node dies, the
     * next click reaches the other node, which sends the patient through Keycloak's single sign-on and back, logged in,
     * without an error page and without typing the password again.
     */
    @Test
    @Order(6)
    void aPatientWhoseNodeDiesIsLoggedInAgainThroughSingleSignOn() throws Exception {
        Browser.assumeInstalled("The portal's failover in ClusterIT");
        WebDriver browser = Browser.headless(true); // Keycloak's certificate comes from the demo CA
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(Stack.HUB + "/portal/");
            Browser.signIn(browser, wait, "patient.devos");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
            String node = browser.manage().getCookieNamed("CVNODE").getValue();
            String session = browser.manage().getCookieNamed("CAREVAULT_PORTAL").getValue();

            stack("kill-node", node.substring("node".length()));
            browser.get(Stack.HUB + "/portal/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
            assertTrue(browser.getCurrentUrl().startsWith(Stack.HUB + "/portal/"), browser.getCurrentUrl());
            assertTrue(browser.findElements(By.id("username")).isEmpty(), "no password asked again");
            assertTrue(!node.equals(browser.manage().getCookieNamed("CVNODE").getValue()), "now served by the other node");
            assertTrue(!session.equals(browser.manage().getCookieNamed("CAREVAULT_PORTAL").getValue()), "a new session");
            stack("restart-node", node.substring("node".length()));
        } finally {
            browser.quit();
        }
    }

    /**
     * A new patient's first records written on both nodes at once (a scheme through node 1, a Sumehr through node 2):
     * both stored and readable, under the one data key the first of them made.
     */
    @Test
    @Order(7)
    void firstRecordsOnBothNodesAtOnceShareOneDataKey() throws Exception {
        String gp = ConsentApi.token("physician");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 10; i++) {
            String[] patient = ConsentApi.patientOfThePhysician();
            String base = ConsentApi.BASE + patient[1];
            Future<HttpResponse<String>> scheme = pool.submit(() -> send(NODE_1, base + "/medication-scheme", gp, "PUT",
                    SchemeMessages.scheme(patient[0], "1", List.of(Element.of("Firstkeyol"))), "\"0\""));
            Future<HttpResponse<String>> sumehr = pool.submit(() -> send(NODE_2, base + "/sumehrs", gp, "POST",
                    SumehrIT.sumehr(patient[0], "Hypertension"), null));
            assertEquals(201, scheme.get().statusCode(), () -> "scheme: " + result(scheme));
            assertEquals(201, sumehr.get().statusCode(), () -> "sumehr: " + result(sumehr));
            assertEquals(1, count("SELECT COUNT(*) FROM patient_data_key WHERE patient_ref = '" + patient[1] + "'"));
            assertTrue(send(NODE_2, base + "/medication-scheme", gp, "GET", null, null).body().contains("Firstkeyol"));
            String id = Http.json(sumehr.get()).get("id").asText();
            assertTrue(send(NODE_1, base + "/sumehrs/" + id, gp, "GET", null, null).body().contains("Hypertension"));
        }
        pool.shutdown();
    }

    private static String result(Future<HttpResponse<String>> call) {
        try {
            return call.get().body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    @Order(8)
    void neitherNodeLoggedAConstraintViolation() throws IOException {
        for (String log : List.of("wildfly1.log", "wildfly2.log")) {
            String text = Files.readString(Stack.RUN_DIR.resolve("logs").resolve(log));
            assertTrue(!text.contains("duplicate key") && !text.contains("ConstraintViolation"), log);
        }
    }

    private static long latest(String ref, String gp) {
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = send(Stack.HUB, ConsentApi.BASE + ref + "/medication-scheme/latest-update", gp,
                        "GET", null, null);
                if (response.statusCode() == 200) {
                    return Http.json(response).get("version").asLong();
                }
            } catch (IOException e) {
                // the balancer is moving the request to the other node
            }
            if (attempt > 20) {
                throw new IllegalStateException("no answer from the balancer");
            }
            sleep(500);
        }
    }

    private static Map<String, Integer> runsPerPeriod() throws SQLException {
        Map<String, Integer> runs = new TreeMap<>();
        try (Connection connection = database(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, period, COUNT(*) FROM scheduled_run GROUP BY name, period")) {
            while (rows.next()) {
                runs.put(rows.getString(1) + "@" + rows.getLong(2), rows.getInt(3));
            }
        }
        return runs;
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(PG_URL, "carevault", Stack.secret("db.password"));
    }

    private static HttpRequest to(String node, HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .uri(URI.create(node + request.uri().getRawPath())).build();
    }

    private static HttpResponse<String> send(String base, String path, String token, String method, String xml, String ifMatch)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (xml != null) {
            request.header("Content-Type", "application/xml").method(method, HttpRequest.BodyPublishers.ofString(xml));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void stack(String command, String node) throws IOException, InterruptedException {
        Path root = Stack.RUN_DIR.toAbsolutePath().normalize().getParent().getParent();
        Process process = new ProcessBuilder("bash", root.resolve("bin/stack.sh").toString(), command, "cluster", node)
                .inheritIO().start();
        assertTrue(process.waitFor(4, TimeUnit.MINUTES), command + " finished");
        assertEquals(0, process.exitValue(), command);
    }
}
