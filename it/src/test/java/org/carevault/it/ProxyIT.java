package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proxies over the REST wire with real Keycloak tokens. A patient appoints a proxy and revokes it; an operator links
 * a legal representative to a minor's SSIN and is the only one to remove it. As a matrix: caller (the patient, the
 * proxy, a stranger patient, a care provider, the operator) × proxy state (none, active, revoked) × what is asked →
 * outcome, and every allowed act of a proxy is in the represented patient's trail as done by the proxy (basis PROXY).
 * Bad input gets a coded problem and stores nothing.
 */
class ProxyIT {

    private static final String CLAES_SSIN = "62070834587";

    private static String proxies(String ref) {
        return ConsentApi.BASE + ref + "/proxies";
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(code, Http.json(response).get("code").asText(), response::body);
    }

    /** A minor (fresh SSIN) whose legal representative the operator links: the given demo patient. */
    private static String[] childOf(String parentSsin, String parentName) {
        String child = ConsentApi.resolve(ConsentApi.newSsin());
        HttpResponse<String> linked = Http.postJson(proxies(child), ConsentApi.token("admin"), "{\"ssin\":\"" + parentSsin
                + "\",\"name\":\"" + parentName + "\",\"patientName\":\"Child of " + parentName + "\"}");
        assertEquals(201, linked.statusCode(), linked::body);
        JsonNode view = Http.json(linked);
        assertEquals("LEGAL_REPRESENTATIVE", view.get("kind").asText());
        assertEquals(parentName, view.get("proxyName").asText());
        assertFalse(linked.body().contains(parentSsin), "the proxy's SSIN is never given back");
        return new String[] {child, view.get("id").asText()};
    }

    /** What each caller may do about the child while the parent (Devos) is its legal representative, and after. */
    @Test
    void aLegalRepresentativeActsForTheChildAndOnlyTheOperatorRemovesIt() {
        String[] child = childOf(ConsentApi.DEVOS_SSIN, "Marc Devos");
        String ref = child[0];
        String devosRef = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);

        // caller × what → status, while the representation is active
        List<String> failures = new ArrayList<>();
        String[][] matrix = {
            {"patient GET consent", "200"}, {"patient PUT consent", "201"}, {"patient GET consent", "200"},
            {"patient GET audit-trail", "200"}, {"patient GET therapeutic-links", "200"}, {"patient GET exclusions", "200"},
            {"patient GET proxies", "200"}, {"patient POST proxies", "403"},
            {"other-patient GET consent", "403"}, {"other-patient GET audit-trail", "403"}, {"other-patient GET proxies", "403"},
            {"physician GET proxies", "403"}, {"physician POST proxies", "403"}, {"admin GET proxies", "200"}};
        for (String[] row : matrix) {
            int status = call(ref, row[0]).statusCode();
            if (status != Integer.parseInt(row[1])) {
                failures.add(row[0] + ": " + status + " instead of " + row[1]);
            }
        }
        assertEquals(List.of(), failures);

        JsonNode given = ConsentApi.lastEntry(ref, "PutPatientConsent");
        assertEquals("PROXY", given.get("basis").asText(), "done by the proxy for the child");
        assertEquals("PATIENT", given.get("callerType").asText());
        assertEquals(devosRef, given.get("callerId").asText(), "the proxy by their own reference, never by SSIN");
        JsonNode refused = ConsentApi.lastEntry(ref, "PutProxy");
        assertEquals("ROLE_NOT_ALLOWED", refused.get("decision").asText(), "a proxy cannot appoint proxies; recorded");

        // The parent cannot remove the representation; the operator can, and the parent is refused at once.
        assertProblem(Http.delete(proxies(ref) + "/" + child[1], ConsentApi.token("patient")), 403, "CV-AUTH-004");
        assertEquals(204, Http.delete(proxies(ref) + "/" + child[1], ConsentApi.token("admin")).statusCode());
        assertEquals(403, call(ref, "patient GET consent").statusCode(), "no longer a proxy");
        JsonNode list = Http.json(Http.get(proxies(ref), ConsentApi.token("admin")));
        assertTrue(list.get(0).hasNonNull("revokedAt"), "kept as history");
        assertEquals(204, Http.delete(proxies(ref) + "/" + child[1], ConsentApi.token("admin")).statusCode(),
                "revoking again changes nothing");
    }

    /** Devos appoints Claes: she acts for him at once, until he revokes it; the operator cannot revoke it. */
    @Test
    void aPatientAppointsAProxyAndRevokesIt() {
        String devos = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        String claes = ConsentApi.resolve(CLAES_SSIN);
        String patient = ConsentApi.token("patient");
        HttpResponse<String> appointed = Http.postJson(proxies(devos), patient,
                "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"Sofie Claes\"}");
        assertTrue(appointed.statusCode() == 201 || appointed.statusCode() == 200, appointed.body());
        String id = Http.json(appointed).get("id").asText();
        try {
            assertEquals("APPOINTED", Http.json(appointed).get("kind").asText());
            assertEquals("Marc Devos", Http.json(appointed).get("patientName").asText(), "the patient, by their login's name");
            HttpResponse<String> again = Http.postJson(proxies(devos), patient, "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"Sofie\"}");
            assertEquals(200, again.statusCode(), "already appointed: the same proxy");
            assertEquals(id, Http.json(again).get("id").asText());

            assertEquals(200, call(devos, "other-patient GET consent").statusCode(), "the proxy reads his consent");
            assertEquals(200, call(devos, "other-patient GET audit-trail").statusCode());
            assertEquals("PROXY", ConsentApi.lastEntry(devos, "GetPatientConsent").get("basis").asText());
            assertEquals(claes, ConsentApi.lastEntry(devos, "GetPatientConsent").get("callerId").asText());
            assertEquals(403, call(claes, "patient GET consent").statusCode(), "not the other way round");
            assertProblem(Http.delete(proxies(devos) + "/" + id, ConsentApi.token("admin")), 403, "CV-AUTH-004");
            assertProblem(Http.delete(proxies(devos) + "/" + id, ConsentApi.token("other-patient")), 403, "CV-AUTH-004");
        } finally {
            assertEquals(204, Http.delete(proxies(devos) + "/" + id, patient).statusCode());
        }
        assertEquals(403, call(devos, "other-patient GET consent").statusCode(), "revoked: refused at once");
    }

    @Test
    void badInputIsRefusedWithACodeAndStoresNothing() {
        String devos = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        String patient = ConsentApi.token("patient");
        String before = Http.get(proxies(devos), patient).body();
        String invalidSsin = "62070834588";
        HttpResponse<String> invalid = Http.postJson(proxies(devos), patient, "{\"ssin\":\"" + invalidSsin + "\",\"name\":\"X\"}");
        assertProblem(invalid, 400, "CV-REQ-002");
        assertFalse(invalid.body().contains(invalidSsin), "the SSIN is not echoed");
        for (String body : List.of(
                "{\"ssin\":\"" + ConsentApi.DEVOS_SSIN + "\",\"name\":\"Myself\"}",
                "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"\"}",
                "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"" + "x".repeat(101) + "\"}",
                "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"Sofie\\u0007Claes\"}",
                "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"Sofie\",\"until\":\"2020-01-01T00:00:00Z\"}",
                "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"Sofie\",\"until\":\"tomorrow\"}",
                "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"Sofie\",\"kind\":\"LEGAL_REPRESENTATIVE\"}",
                "{\"name\":\"Sofie\"}")) {
            assertProblem(Http.postJson(proxies(devos), patient, body), 400, "CV-REQ-002");
        }
        assertProblem(Http.postJson(proxies(ConsentApi.resolve(ConsentApi.newSsin())), ConsentApi.token("admin"),
                "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"Sofie Claes\"}"), 400, "CV-REQ-002");
        assertProblem(Http.delete(proxies(devos) + "/" + java.util.UUID.randomUUID(), patient), 404, "CV-REQ-005");
        assertProblem(Http.delete(proxies(devos) + "/not-an-id", patient), 404, "CV-REQ-005");
        String[] child = childOf(CLAES_SSIN, "Sofie Claes");
        assertProblem(Http.delete(proxies(devos) + "/" + child[1], patient), 404, "CV-REQ-005");
        assertEquals(200, call(child[0], "other-patient GET consent").statusCode(),
                "another patient's proxy id named under this patient changed nothing: Claes still acts for the child");
        assertEquals(before, Http.get(proxies(devos), patient).body(), "nothing stored");
    }

    /** "caller METHOD resource" on the patient. */
    private static HttpResponse<String> call(String ref, String what) {
        String[] parts = what.split(" ");
        String token = ConsentApi.token(parts[0]);
        String path = ConsentApi.BASE + ref + "/" + parts[2];
        return switch (parts[1]) {
            case "GET" -> Http.get(path, token);
            case "PUT" -> Http.putJson(path, token, "{}");
            case "POST" -> Http.postJson(path, token, "{\"ssin\":\"" + CLAES_SSIN + "\",\"name\":\"Sofie Claes\"}");
            default -> throw new IllegalArgumentException(what);
        };
    }
}
