package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carevault.it.SchemeMessages.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The medication scheme over REST with real tokens: versions with ETag / If-Match and no lost
 * update under 20 concurrent writers, element identity (add, update, remove), history and diff,
 * bad input that changes nothing, and the access decision on every operation.
 */
class MedicationSchemeIT {

    private static final Pattern VAULT_ID = Pattern.compile("SL=\"carevault\" SV=\"1.0\">([0-9a-f-]{36})<");

    private String ssin;
    private String ref;
    private String gp;

    @BeforeEach
    void patientInCare() {
        ssin = ConsentApi.newSsin();
        ref = ConsentApi.resolve(ssin);
        gp = ConsentApi.token("physician");
        ConsentApi.putConsentAsProfessional(ref, "physician");
        ConsentApi.linkId(ref, "physician");
    }

    private String path(String suffix) {
        return ConsentApi.BASE + ref + "/medication-scheme" + suffix;
    }

    static HttpResponse<String> put(String path, String token, String ifMatch, String xml) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.HUB + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .PUT(HttpRequest.BodyPublishers.ofString(xml));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return Http.send(request);
    }

    /** Version {@code basedOn + 1} of a patient's scheme (one element naming the drug), based on {@code basedOn}. */
    static HttpResponse<String> putNextVersion(String ssin, String ref, String token, long basedOn, String drug) {
        return put(ConsentApi.BASE + ref + "/medication-scheme", token, "\"" + basedOn + "\"",
                SchemeMessages.scheme(ssin, Long.toString(basedOn + 1), List.of(SchemeMessages.Element.of(drug))));
    }

    private long version() {
        return Http.json(Http.get(path("/latest-update"), gp)).get("version").asLong();
    }

    private static List<String> vaultIds(String xml) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = VAULT_ID.matcher(xml);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals(code, Http.json(response).get("code").asText(), response::body);
    }

    @Test
    void elementsKeepTheirIdsAcrossVersionsAndTheDiffSaysWhatChanged() {
        HttpResponse<String> first = put(path(""), gp, "\"0\"", SchemeMessages.scheme(ssin, "1",
                List.of(Element.of("Amoxicilline 500 mg"), Element.of("Paracetamol 1 g"), Element.of("Ibuprofen 400 mg"))));
        assertEquals(201, first.statusCode(), first::body);
        assertTrue(first.headers().firstValue("ETag").orElseThrow().matches("\"1\\.[0-9a-f]{16}\""), first.headers()::toString);
        List<String> ids = vaultIds(first.body());
        assertEquals(3, ids.size(), "each new element got a vault id");

        HttpResponse<String> read = Http.get(path(""), gp);
        assertEquals(200, read.statusCode());
        assertEquals(first.headers().firstValue("ETag"), read.headers().firstValue("ETag"), "what was written is what is read");
        assertEquals(first.body(), read.body());
        assertEquals(ids, vaultIds(read.body()));
        assertTrue(read.body().contains("<intendedname>Amoxicilline 500 mg</intendedname>"));
        assertTrue(read.body().contains("<version>1</version>"));

        // Keep Amoxicilline as it is, change Paracetamol's dose, leave Ibuprofen out, add Metformin.
        HttpResponse<String> second = put(path(""), gp, read.headers().firstValue("ETag").orElseThrow(),
                SchemeMessages.scheme(ssin, "1", List.of(
                new Element("Amoxicilline 500 mg", ids.get(0)), new Element("Paracetamol 500 mg", ids.get(1)),
                Element.of("Metformin 850 mg"))));
        assertEquals(200, second.statusCode(), second::body);
        assertTrue(second.headers().firstValue("ETag").orElseThrow().startsWith("\"2."), "the ETag read is what a write states");
        List<String> secondIds = vaultIds(second.body());
        assertEquals(ids.subList(0, 2), secondIds.subList(0, 2), "updated elements keep their ids");

        JsonNode diff = Http.json(Http.get(path("/diff?from=1&to=2"), gp));
        assertEquals(List.of(secondIds.get(2)), texts(diff.get("added")));
        assertEquals(List.of(ids.get(1)), texts(diff.get("changed")));
        assertEquals(List.of(ids.get(2)), texts(diff.get("removed")));

        JsonNode history = Http.json(Http.get(path("/versions"), gp));
        assertEquals(2, history.size());
        assertEquals("72081012378", history.get(0).get("authorId").asText());
        HttpResponse<String> old = Http.get(path("/versions/1"), gp);
        assertEquals(200, old.statusCode());
        assertTrue(old.body().contains("Ibuprofen 400 mg") && !old.body().contains("Metformin"), "version 1 as it was");
        assertProblem(Http.get(path("/versions/9"), gp), 404, "CV-REQ-005");
    }

    /**
     * A version's KMEHR is the same bytes on every read by the same reader (its strong ETag is honest); it names its
     * reader as the header's recipient, so another reader gets other bytes under another ETag, and a later version
     * another ETag again.
     */
    @Test
    void aVersionReadTwiceIsTheSameBytesForItsReader() {
        assertEquals(201, put(path(""), gp, "\"0\"", SchemeMessages.scheme(ssin, "1", List.of(Element.of("Bisoprolol 5 mg"))))
                .statusCode());
        HttpResponse<String> once = Http.get(path(""), gp);
        HttpResponse<String> twice = Http.get(path(""), gp);
        assertEquals(once.body(), twice.body(), "byte-identical");
        assertEquals(once.headers().firstValue("ETag"), twice.headers().firstValue("ETag"));
        assertEquals(once.body(), Http.get(path("/versions/1"), gp).body(), "the version by its number too");
        assertTrue(once.body().contains("<recipient><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">12345625004</id>"
                + "<id S=\"INSS\" SV=\"1.0\">72081012378</id><cd S=\"CD-HCPARTY\" SV=\"1.0\">persphysician</cd>"), once.body());

        HttpResponse<String> nurse = HttpClientHelper.getWithBreakTheGlass(path(""), ConsentApi.token("nurse"), ConsentApi.GOOD_REASON);
        assertEquals(200, nurse.statusCode(), nurse::body);
        assertTrue(nurse.body().contains(">persnurse</cd>"), nurse::body);
        assertNotEquals(once.headers().firstValue("ETag"), nurse.headers().firstValue("ETag"), "other bytes, other tag");
        assertEquals(once.body().replaceAll("<recipient>.*</recipient>", ""), nurse.body().replaceAll("<recipient>.*</recipient>", ""),
                "only the recipient differs");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    @Test
    void aWriteMustStateItsVersionAndAStaleOneIsRefusedWithTheCurrentVersion() {
        String xml = SchemeMessages.scheme(ssin, "1", List.of(Element.of("Amoxicilline 500 mg")));
        assertProblem(put(path(""), gp, null, xml), 428, "CV-VAULT-002");
        assertEquals(201, put(path(""), gp, "\"0\"", xml).statusCode());
        HttpResponse<String> stale = put(path(""), gp, "\"0\"", xml);
        assertProblem(stale, 412, "CV-VAULT-001");
        assertEquals(1, Http.json(stale).get("currentVersion").asLong());
        assertEquals("\"1\"", stale.headers().firstValue("ETag").orElseThrow());
        assertProblem(put(path(""), gp, "W/\"1\"", xml), 428, "CV-VAULT-002");
        assertEquals(1, version());
    }

    @Test
    void twentyConcurrentWritersOfTheSameVersionLoseNoUpdate() throws Exception {
        assertEquals(201, put(path(""), gp, "\"0\"", SchemeMessages.scheme(ssin, "1", List.of(Element.of("Start")))).statusCode());
        int writers = 20;
        CountDownLatch ready = new CountDownLatch(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String xml = SchemeMessages.scheme(ssin, "1", List.of(Element.of("Writer " + i)));
            results.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                ready.countDown();
                ready.await();
                return put(path(""), gp, "\"1\"", xml);
            }));
        }
        int won = 0;
        int conflicts = 0;
        String winner = null;
        for (Future<HttpResponse<String>> result : results) {
            HttpResponse<String> response = result.get();
            if (response.statusCode() == 200) {
                won++;
                winner = response.body();
            } else {
                assertProblem(response, 412, "CV-VAULT-001");
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, won, "exactly one writer wins");
        assertEquals(writers - 1, conflicts);
        assertEquals(2, version(), "one new version, nothing lost, nothing overwritten");
        assertEquals(vaultIds(winner), vaultIds(Http.get(path(""), gp).body()), "what is stored is the winner's scheme");
    }

    @Test
    void badInputIsRefusedWithItsCodeAndChangesNothing() {
        assertEquals(201, put(path(""), gp, "\"0\"", SchemeMessages.scheme(ssin, "1", List.of(Element.of("Keep me")))).statusCode());
        String before = Http.get(path(""), gp).body().replaceAll("<id S=\"ID-KMEHR\" SV=\"1.0\">carevault[^<]*</id>", "")
                .replaceAll("<date>[^<]*</date><time>[^<]*</time><sender><hcparty><cd S=\"CD-HCPARTY\"", "");
        String otherPatient = ConsentApi.newSsin();
        String foreignElement;
        {
            String otherRef = ConsentApi.resolve(otherPatient);
            ConsentApi.putConsentAsProfessional(otherRef, "physician");
            ConsentApi.linkId(otherRef, "physician");
            foreignElement = vaultIds(put(ConsentApi.BASE + otherRef + "/medication-scheme", gp, "\"0\"",
                    SchemeMessages.scheme(otherPatient, "1", List.of(Element.of("Theirs")))).body()).get(0);
        }
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE k [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + SchemeMessages.scheme(ssin, "1", List.of(Element.of("&x;"))).replaceFirst("<\\?xml[^>]*>\n", "");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE k [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]><kmehrmessage xmlns=\"" + SchemeMessages.NAMESPACE + "\">&c;</kmehrmessage>";
        assertProblem(put(path(""), gp, "\"1\"", "<html><body>not KMEHR</body></html>"), 400, "CV-VAULT-003");
        assertProblem(put(path(""), gp, "\"1\"", "<kmehrmessage"), 400, "CV-VAULT-003");
        assertProblem(put(path(""), gp, "\"1\"", xxe), 400, "CV-VAULT-003");
        assertProblem(put(path(""), gp, "\"1\"", laughs), 400, "CV-VAULT-003");
        assertProblem(put(path(""), gp, "\"1\"", SchemeMessages.scheme(otherPatient, "1", List.of(Element.of("X")))), 400,
                "CV-VAULT-004");
        assertProblem(put(path(""), gp, "\"1\"", SchemeMessages.scheme("55032001181", "1", List.of(Element.of("X")))), 400,
                "CV-VAULT-003");
        assertProblem(put(path(""), gp, "\"1\"", SchemeMessages.scheme(ssin, null, List.of(Element.of("X")))), 400,
                "CV-VAULT-003");
        assertProblem(put(path(""), gp, "\"1\"", SchemeMessages.scheme(ssin, "seven", List.of(Element.of("X")))), 400,
                "CV-VAULT-003");
        assertProblem(put(path(""), gp, "\"1\"", SchemeMessages.scheme(ssin, "1", List.of(new Element("Stolen", foreignElement)))),
                400, "CV-VAULT-005");
        String huge = SchemeMessages.scheme(ssin, "1", List.of(Element.of("x".repeat(5 * 1024 * 1024))));
        assertProblem(put(path(""), gp, "\"1\"", huge), 413, "CV-REQ-003");

        assertEquals(1, version(), "the version did not move");
        String after = Http.get(path(""), gp).body().replaceAll("<id S=\"ID-KMEHR\" SV=\"1.0\">carevault[^<]*</id>", "")
                .replaceAll("<date>[^<]*</date><time>[^<]*</time><sender><hcparty><cd S=\"CD-HCPARTY\"", "");
        assertEquals(before, after, "the stored scheme did not change");
        assertFalse(after.contains("passwd") || after.contains("aaaaaaaaaa"));
    }

    @Test
    void everyOperationGoesThroughTheAccessDecision() {
        assertEquals(201, put(path(""), gp, "\"0\"", SchemeMessages.scheme(ssin, "1", List.of(Element.of("X")))).statusCode());
        String nurse = ConsentApi.token("nurse");
        String patient = ConsentApi.token("other-patient");
        List<String> reads = List.of("", "/latest-update", "/versions", "/versions/1", "/diff?from=1&to=1");
        for (String suffix : reads) {
            assertProblem(Http.get(path(suffix), nurse), 403, "CV-CONSENT-002");
            assertProblem(Http.get(path(suffix), patient), 403, "CV-AUTH-004");
        }
        assertProblem(put(path(""), nurse, "\"1\"", SchemeMessages.scheme(ssin, "1", List.of())), 403, "CV-CONSENT-002");
        assertEquals(List.of("GetTransactionSet", "GetLatestUpdate", "GetTransactionSetHistory", "GetTransactionSetVersion",
                "DiffTransactionSet", "PutTransactionSet").stream().filter(action -> {
                    JsonNode entry = ConsentApi.lastEntry(ref, action);
                    return "NO_THERAPEUTIC_RELATIONSHIP".equals(entry.get("decision").asText())
                            || "ROLE_NOT_ALLOWED".equals(entry.get("decision").asText());
                }).count(), 6L, "each refusal is in the patient's trail");

        HttpResponse<String> emergency = HttpClientHelper.getWithBreakTheGlass(path(""), nurse, ConsentApi.GOOD_REASON);
        assertEquals(200, emergency.statusCode(), "break-the-glass reads the scheme");
        assertTrue(ConsentApi.lastEntry(ref, "GetTransactionSet").get("breakTheGlass").asBoolean());

        // The GP has a relationship: a malformed reason is still refused (400), a well-formed one is recorded with the
        // relationship as basis, not as an emergency access the patient would be told of.
        for (String bad : List.of("short", "x".repeat(201))) {
            assertProblem(HttpClientHelper.getWithBreakTheGlass(path(""), gp, bad), 400, "CV-CONSENT-004");
            assertEquals("BREAK_GLASS_REASON_INVALID", ConsentApi.lastEntry(ref, "GetTransactionSet").get("decision").asText());
        }
        assertEquals(200, HttpClientHelper.getWithBreakTheGlass(path(""), gp, ConsentApi.GOOD_REASON).statusCode());
        JsonNode withLink = ConsentApi.lastEntry(ref, "GetTransactionSet");
        assertEquals("THERAPEUTIC_RELATIONSHIP", withLink.get("basis").asText());
        assertFalse(withLink.get("breakTheGlass").asBoolean());
        assertEquals(ConsentApi.GOOD_REASON, withLink.get("breakTheGlassReason").asText());

        String devos = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        assertEquals(404, Http.get(ConsentApi.BASE + devos + "/medication-scheme", ConsentApi.token("patient")).statusCode(),
                "the patient may read their own (none yet)");
    }

    /** A GET with the break-the-glass header. */
    static final class HttpClientHelper {
        private HttpClientHelper() {
        }

        static HttpResponse<String> getWithBreakTheGlass(String path, String token, String reason) {
            return Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + path)).header("Authorization", "Bearer " + token)
                    .header("X-Break-The-Glass", reason).GET());
        }
    }
}
