package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Vaccinations over REST and IntraHub: a nurse pushes one, the patient lists and reads it, the pharmacist and the GP
 * push theirs; only its author revokes one; a hospital may read but not write, a patient may not write; bad input is a
 * coded error and stores nothing; over IntraHub the GP puts, lists and reads one by its transaction type. Each decision
 * is in the patient's trail. Runs without ../shared.
 */
class VaccinationIT {

    private String ssin;
    private String ref;

    /** A KMEHR message of one vaccination, written by the demo nurse (the author the transaction names). */
    static String vaccination(String ssin, String indication, String vaccine, String date, String lot) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kmehrmessage xmlns=\"http://www.ehealth.fgov.be/standards/kmehr/schema/v1\">"
                + "<header><standard><cd S=\"CD-STANDARD\" SV=\"1.10\">20231110</cd></standard>"
                + "<id S=\"ID-KMEHR\" SV=\"1.0\">90050123412.20261203</id><date>2026-12-03</date><time>09:30:00</time>"
                + "<sender><hcparty><id S=\"INSS\" SV=\"1.0\">90050123412</id><cd S=\"CD-HCPARTY\" SV=\"1.10\">persnurse</cd>"
                + "<firstname>Lotte</firstname><familyname>Maes</familyname></hcparty></sender></header>"
                + "<folder><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><patient><id S=\"ID-PATIENT\" SV=\"1.0\">" + ssin + "</id>"
                + "<firstname>Wilhelmina</firstname><familyname>Testpatient</familyname></patient>"
                + "<transaction><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><cd S=\"CD-TRANSACTION\" SV=\"1.10\">vaccination</cd>"
                + "<date>" + date + "</date><time>09:30:00</time><author><hcparty><id S=\"INSS\" SV=\"1.0\">90050123412</id>"
                + "<cd S=\"CD-HCPARTY\" SV=\"1.10\">persnurse</cd><firstname>Lotte</firstname><familyname>Maes</familyname>"
                + "</hcparty></author><iscomplete>true</iscomplete><isvalidated>true</isvalidated>"
                + "<item><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><cd S=\"CD-ITEM\" SV=\"1.10\">vaccine</cd>"
                + "<content><cd S=\"CD-VACCINEINDICATION\" SV=\"1.0\">" + indication + "</cd></content>"
                + "<content><medicinalproduct><intendedcd S=\"CD-DRUG-CNK\" SV=\"01-2016\">1234567</intendedcd>"
                + "<intendedname>" + vaccine + "</intendedname></medicinalproduct></content>"
                + "<beginmoment><date>" + date + "</date></beginmoment><batch>" + lot + "</batch></item>"
                + "</transaction></folder></kmehrmessage>";
    }

    @BeforeEach
    void aPatientInTheCareOfTheNursePharmacistAndGp() {
        ssin = ConsentApi.newSsin();
        ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "nurse");
        for (String role : List.of("nurse", "pharmacist", "physician", "hospital")) {
            ConsentApi.linkId(ref, role);
        }
    }

    private HttpResponse<String> push(String caller, String xml) {
        return Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + ConsentApi.BASE + ref + "/vaccinations"))
                .header("Authorization", "Bearer " + ConsentApi.token(caller)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private JsonNode list(String caller) {
        HttpResponse<String> response = Http.get(ConsentApi.BASE + ref + "/vaccinations", ConsentApi.token(caller));
        assertEquals(200, response.statusCode(), response::body);
        return Http.json(response);
    }

    @Test
    void aNursePushesOneThePatientReadsItOnlyItsAuthorRevokesIt() {
        // The demo patient, who reads with their own token.
        ssin = ConsentApi.DEVOS_SSIN;
        ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "nurse");
        for (String role : List.of("nurse", "pharmacist", "physician", "hospital")) {
            ConsentApi.linkId(ref, role);
        }
        String kmehr = vaccination(ssin, "tetanus", "Boostrix", "2026-12-03", "AB1234");
        HttpResponse<String> pushed = push("nurse", kmehr);
        assertEquals(201, pushed.statusCode(), pushed::body);
        String id = Http.json(pushed).get("id").asText();
        JsonNode entry = ConsentApi.lastEntry(ref, "PutTransaction");
        assertEquals("VACCINATION", entry.get("dataType").asText());
        assertEquals("PERMIT", entry.get("decision").asText());

        JsonNode listed = byId(list("patient"), id);
        assertEquals("NURSE", listed.get("authorRole").asText(), "the patient lists it");
        HttpResponse<String> read = Http.get(ConsentApi.BASE + ref + "/vaccinations/" + id, ConsentApi.token("patient"));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals(kmehr, read.body(), "the patient reads it, byte for byte as pushed");
        assertEquals(200, Http.get(ConsentApi.BASE + ref + "/vaccinations/" + id, ConsentApi.token("hospital")).statusCode(),
                "a hospital reads");

        HttpResponse<String> pharmacist = push("pharmacist", vaccination(ssin, "seasonalinfluenza", "Vaxigrip", "2026-11-20", "F99"));
        assertEquals(201, pharmacist.statusCode(), pharmacist::body);
        HttpResponse<String> notAuthor = Http.delete(ConsentApi.BASE + ref + "/vaccinations/" + id, ConsentApi.token("physician"));
        assertEquals("CV-VAULT-006", Http.json(notAuthor).get("code").asText(), "only its author revokes it");
        assertEquals("ACTIVE", byId(list("patient"), id).get("status").asText());
        assertEquals(204, Http.delete(ConsentApi.BASE + ref + "/vaccinations/" + id, ConsentApi.token("nurse")).statusCode());
        assertEquals("REVOKED", byId(list("patient"), id).get("status").asText(), "kept, marked revoked");
        assertEquals(204, Http.delete(ConsentApi.BASE + ref + "/vaccinations/" + Http.json(pharmacist).get("id").asText(),
                ConsentApi.token("pharmacist")).statusCode());
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode entry : list) {
            if (id.equals(entry.get("id").asText())) {
                return entry;
            }
        }
        throw new AssertionError(id + " is not listed: " + list);
    }

    @Test
    void theMatrixDecidesWhoWritesAndBadInputStoresNothing() {
        assertEquals("CV-AUTH-004", Http.json(push("hospital", vaccination(ssin, "tetanus", "x", "2026-12-01", "L"))).get("code")
                .asText(), "a hospital reads vaccinations, it does not write them");
        assertEquals("CV-VAULT-003", Http.json(push("nurse", "<kmehrmessage/>")).get("code").asText(), "not KMEHR a hub keeps");
        assertEquals("CV-VAULT-003", Http.json(push("nurse", SumehrIT.sumehr(ssin, "Hypertensie"))).get("code").asText(),
                "a Sumehr is not a vaccination");
        assertEquals("CV-VAULT-004", Http.json(push("nurse", vaccination(ConsentApi.newSsin(), "tetanus", "x", "2026-12-01",
                "L"))).get("code").asText(), "another patient's");
        assertEquals(0, list("nurse").size(), "nothing stored");
    }

    @Test
    void overIntraHubTheGpPutsListsAndReadsByTransactionType() throws Exception {
        ConsentApi.putConsentAsProfessional(ref, "physician");
        String patient = "<core:patient><core:id S=\"ID-PATIENT\" SV=\"1.0\">" + ssin + "</core:id></core:patient>";
        Element put = intraHub("PutTransaction", "<core:kmehrmessage xmlns=\"" + IntraHubIT.KMEHR + "\">"
                + IntraHubIT.body(vaccination(ssin, "measles", "M-M-RVAXPRO", "2026-09-01", "MMR1")) + "</core:kmehrmessage>");
        IntraHubIT.assertComplete(put);
        String id = IntraHubIT.descendants(put, IntraHubIT.CORE, "id").stream().filter(i -> "carevault".equals(i.getAttribute("SL")))
                .findFirst().orElseThrow().getTextContent();
        String type = "<core:cd S=\"CD-TRANSACTION\" SV=\"1.0\">vaccination</core:cd>";
        Element listed = intraHub("GetTransactionList", "<core:select>" + patient + "<core:transaction>" + type
                + "</core:transaction></core:select>");
        IntraHubIT.assertComplete(listed);
        assertEquals(1, IntraHubIT.descendants(listed, IntraHubIT.CORE, "transaction").size());
        Element sumehrs = intraHub("GetTransactionList", "<core:select>" + patient + "</core:select>");
        assertTrue(IntraHubIT.descendants(sumehrs, IntraHubIT.CORE, "transaction").isEmpty(), "no Sumehr: the default kind");
        Element read = intraHub("GetTransaction", "<core:select>" + patient + "<core:transaction><core:id S=\"LOCAL\""
                + " SL=\"carevault\" SV=\"1.0\">" + id + "</core:id>" + type + "</core:transaction></core:select>");
        IntraHubIT.assertComplete(read);
        assertTrue(read.getTextContent().contains("MMR1"), "the lot, as pushed");
        assertEquals("SOAP", ConsentApi.lastEntry(ref, "GetTransaction").get("channel").asText());
    }

    private static Element intraHub(String operation, String inner) throws Exception {
        HttpResponse<String> answer = SamlAuthenticationIT.asTheGp(IntraHubIT.request(operation, inner));
        assertEquals(200, answer.statusCode(), answer.body());
        return IntraHubIT.descendants(org.carevault.client.SoapSigner.parse(answer.body()).getDocumentElement(),
                "http://www.ehealth.fgov.be/hubservices/protocol/v3", operation + "Response").get(0);
    }
}
