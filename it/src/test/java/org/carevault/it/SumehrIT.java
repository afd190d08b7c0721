package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sumehr over REST: the hospital and the GP push summaries, the list flags the latest, a summary
 * comes back byte for byte, only its author revokes it (kept, marked revoked), the real Sumehr
 * examples of ../shared/interop round trip byte for byte, and the matrix applies (no pharmacist).
 */
class SumehrIT {

    private String ssin;
    private String ref;

    static String sumehr(String ssin, String problem) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kmehrmessage xmlns=\"" + SchemeMessages.NAMESPACE + "\"><header>"
                + "<standard><cd S=\"CD-STANDARD\" SV=\"1.0\">20161201</cd></standard><id S=\"ID-KMEHR\" SV=\"1.0\">it.s</id>"
                + "<date>2026-11-28</date><time>09:30:00</time><sender><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">71099812</id>"
                + "<cd S=\"CD-HCPARTY\" SV=\"1.10\">orghospital</cd><name>AZ Demo</name></hcparty></sender></header>"
                + "<folder><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><patient><id S=\"INSS\" SV=\"1.0\">" + ssin + "</id>"
                + "<firstname>Wilhelmina</firstname><familyname>Testpatient</familyname></patient><transaction>"
                + "<id S=\"ID-KMEHR\" SV=\"1.0\">1</id><cd S=\"CD-TRANSACTION\" SV=\"1.0\">sumehr</cd><date>2026-11-28</date>"
                + "<time>09:30:00</time><author><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">71099812</id>"
                + "<cd S=\"CD-HCPARTY\" SV=\"1.10\">orghospital</cd></hcparty></author><iscomplete>true</iscomplete>"
                + "<isvalidated>true</isvalidated><item><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><cd S=\"CD-ITEM\" SV=\"1.11\">problem"
                + "</cd><content><text L=\"nl\">" + problem + "</text></content></item></transaction></folder></kmehrmessage>";
    }

    @BeforeEach
    void patientInHospitalCare() {
        ssin = ConsentApi.newSsin();
        ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "hospital");
        ConsentApi.linkId(ref, "hospital");
        ConsentApi.linkId(ref, "physician");
    }

    private HttpResponse<String> post(String caller, String xml) {
        return Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + ConsentApi.BASE + ref + "/sumehrs"))
                .header("Authorization", "Bearer " + ConsentApi.token(caller)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private JsonNode list(String caller) {
        HttpResponse<String> response = Http.get(ConsentApi.BASE + ref + "/sumehrs", ConsentApi.token(caller));
        assertEquals(200, response.statusCode(), response::body);
        return Http.json(response);
    }

    @Test
    void theLifecycleOfSummaries() {
        String first = sumehr(ssin, "Hypertensie sinds 2019");
        HttpResponse<String> pushed = post("hospital", first);
        assertEquals(201, pushed.statusCode(), pushed::body);
        String firstId = Http.json(pushed).get("id").asText();
        assertTrue(pushed.headers().firstValue("Location").orElseThrow().endsWith("/sumehrs/" + firstId));
        HttpResponse<String> second = post("physician", sumehr(ssin, "Diabetes type 2"));
        String secondId = Http.json(second).get("id").asText();

        JsonNode entries = list("physician");
        assertEquals(2, entries.size());
        assertEquals(secondId, entries.get(0).get("id").asText(), "newest first");
        assertTrue(entries.get(0).get("latest").asBoolean());
        assertFalse(entries.get(1).get("latest").asBoolean());
        assertEquals("71099812", entries.get(1).get("authorId").asText());
        assertFalse(entries.toString().contains("Hypertensie"), "metadata only");

        HttpResponse<String> fetched = Http.get(ConsentApi.BASE + ref + "/sumehrs/" + firstId, ConsentApi.token("physician"));
        assertEquals(first, fetched.body(), "byte for byte as pushed");

        HttpResponse<String> notAuthor = Http.delete(ConsentApi.BASE + ref + "/sumehrs/" + secondId, ConsentApi.token("hospital"));
        assertEquals(403, notAuthor.statusCode());
        assertEquals("CV-VAULT-006", Http.json(notAuthor).get("code").asText());
        assertEquals(204, Http.delete(ConsentApi.BASE + ref + "/sumehrs/" + secondId, ConsentApi.token("physician")).statusCode());
        JsonNode after = list("physician");
        assertEquals("REVOKED", after.get(0).get("status").asText());
        assertFalse(after.get(0).get("latest").asBoolean(), "a revoked summary is not the current one");
        assertTrue(after.get(1).get("latest").asBoolean(), "the hospital's is the latest again");
        String other = ConsentApi.resolve(ConsentApi.newSsin());
        ConsentApi.putConsentAsProfessional(other, "physician");
        ConsentApi.linkId(other, "physician");
        assertEquals(404, Http.get(ConsentApi.BASE + other + "/sumehrs/" + firstId, ConsentApi.token("physician")).statusCode(),
                "not through another patient");
    }

    @Test
    void theMatrixAppliesAndBadInputIsRefused() {
        assertEquals(403, post("pharmacist", sumehr(ssin, "x")).statusCode(), "pharmacists have no Sumehr access");
        assertEquals(403, post("nurse", sumehr(ssin, "x")).statusCode(), "nurses read Sumehr, they do not write it");
        assertEquals("CV-VAULT-004", Http.json(post("hospital", sumehr(ConsentApi.newSsin(), "x"))).get("code").asText());
        assertEquals("CV-VAULT-003", Http.json(post("hospital", SchemeMessages.scheme(ssin, "1", List.of()))).get("code").asText());
        assertEquals("CV-VAULT-003", Http.json(post("hospital", "<kmehrmessage/>")).get("code").asText());
        assertEquals(0, list("hospital").size(), "nothing stored");
    }

    @Test
    void theRealSumehrExamplesRoundTripByteForByte() throws Exception {
        Path corpus = Path.of(System.getProperty("carevault.interop.dir", "../../shared/interop"), "kmehr", "sumehr");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "the interop corpus is not on this machine");
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String theirs = org.carevault.kmehr.KmehrParser.parse(bytes).patient().value();
                String theirRef = ConsentApi.resolve(theirs);
                ConsentApi.putConsentAsProfessional(theirRef, "hospital");
                ConsentApi.linkId(theirRef, "hospital");
                HttpResponse<String> pushed = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + ConsentApi.BASE + theirRef
                        + "/sumehrs")).header("Authorization", "Bearer " + ConsentApi.token("hospital"))
                        .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
                assertEquals(201, pushed.statusCode(), file + ": " + pushed.body());
                HttpResponse<byte[]> fetched = Http.CLIENT_BYTES.apply(ConsentApi.BASE + theirRef + "/sumehrs/"
                        + Http.json(pushed).get("id").asText(), ConsentApi.token("hospital"));
                assertEquals(200, fetched.statusCode());
                assertTrue(java.util.Arrays.equals(bytes, fetched.body()), file + " byte for byte");
            }
        }
    }
}
