package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The consent API as the tests drive it: tokens per demo caller (fetched once per run), fresh
 * patients with valid SSINs, and the calls that set up a patient's state.
 */
final class ConsentApi {

    static final String BASE = "/api/v1/patients/";
    static final String GOOD_REASON = "Unconscious patient brought to the emergency department";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Random RANDOM = new Random();
    /** Every SSIN and patient reference this test run used, for the check that none reaches a server log. */
    static final java.util.Set<String> USED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The demo callers by the name the tests use. */
    static final Map<String, Supplier<String>> CALLERS = Map.of(
            "physician", () -> Tokens.password("gp.peeters"),
            "pharmacist", () -> Tokens.password("pharm.janssens"),
            "nurse", () -> Tokens.password("nurse.maes"),
            "hospital", Tokens::hospital,
            "patient", () -> PatientApp.mfaToken("patient.devos"),
            "other-patient", () -> PatientApp.mfaToken("patient.claes"),
            "patient-password", () -> Tokens.password("patient.devos"),
            "admin", Tokens::admin);

    static final String DEVOS_SSIN = "55032001180";

    /** Demo identities as the audit trail names them. */
    static final Map<String, String> CALLER_IDS = Map.of("physician", "72081012378", "pharmacist", "85021445650",
            "nurse", "90050123412", "hospital", "71099812", "patient", DEVOS_SSIN, "other-patient", "62070834587");

    private ConsentApi() {
    }

    /** A bearer token of the demo user in that role, fetched again when the one held expires within a minute. */
    static String token(String caller) {
        return TOKENS.compute(caller, (name, held) -> held != null && !expiresSoon(held) ? held : CALLERS.get(name).get());
    }

    /** Whether a JWT's {@code exp} is less than a minute away (Keycloak's access tokens live five minutes). */
    private static boolean expiresSoon(String jwt) {
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            return java.time.Instant.now().getEpochSecond() > Http.JSON.readTree(payload).get("exp").asLong() - 60;
        } catch (RuntimeException | java.io.IOException e) {
            return true;
        }
    }

    /** A valid SSIN nobody else uses (born in the 20th century; check digits per the SSIN rule). */
    static String newSsin() {
        int year = 30 + RANDOM.nextInt(69);
        int month = 1 + RANDOM.nextInt(12);
        int day = 1 + RANDOM.nextInt(28);
        int serial = 1 + RANDOM.nextInt(997);
        long base = Long.parseLong(String.format("%02d%02d%02d%03d", year, month, day, serial));
        String ssin = String.format("%09d%02d", base, 97 - base % 97);
        USED.add(ssin);
        return ssin;
    }

    static String resolve(String ssin) {
        HttpResponse<String> response = Http.postJson(BASE + "resolve", token("physician"), "{\"ssin\":\"" + ssin + "\"}");
        assertEquals(200, response.statusCode(), response::body);
        String ref = Http.json(response).get("patientRef").asText();
        USED.add(ref);
        latest = ref;
        return ref;
    }

    private static volatile String latest;

    /** The patient reference this client resolved last. */
    static String latestResolved() {
        return latest;
    }

    /** A new patient who consented (registered by the demo GP) but has no relationship yet: {SSIN, patient reference}. */
    static String[] consentedPatient() {
        String ssin = newSsin();
        String ref = resolve(ssin);
        putConsentAsProfessional(ref, "physician");
        return new String[] {ssin, ref};
    }

    /** A new patient who consented and has a relationship with the demo GP: {SSIN, patient reference}. */
    static String[] patientOfThePhysician() {
        String ssin = newSsin();
        String ref = resolve(ssin);
        putConsentAsProfessional(ref, "physician");
        linkId(ref, "physician");
        return new String[] {ssin, ref};
    }

    static HttpResponse<String> putConsentAsProfessional(String ref, String caller) {
        return Http.putJson(BASE + ref + "/consent", token(caller), "{\"proof\":\"EID_READING\"}");
    }

    static HttpResponse<String> revokeConsentAsProfessional(String ref, String caller) {
        return Http.delete(BASE + ref + "/consent?proof=EID_READING", token(caller));
    }

    static String proofFor(String caller) {
        return "hospital".equals(caller) ? "HOSPITAL_ADMISSION" : "EID_READING";
    }

    static HttpResponse<String> putLink(String ref, String caller, String extraJson) {
        return Http.postJson(BASE + ref + "/therapeutic-links", token(caller),
                "{\"kind\":\"REGULAR\",\"proof\":\"" + proofFor(caller) + "\"" + extraJson + "}");
    }

    static String linkId(String ref, String caller) {
        HttpResponse<String> response = putLink(ref, caller, "");
        assertEquals(true, response.statusCode() == 201 || response.statusCode() == 200, response::body);
        return Http.json(response).get("id").asText();
    }

    static HttpResponse<String> check(String ref, String caller, String dataType, String operation, String breakTheGlass) {
        String body = "{\"dataType\":\"" + dataType + "\",\"operation\":\"" + operation + "\"}";
        return breakTheGlass == null ? Http.postJson(BASE + ref + "/access-decisions", token(caller), body)
                : Http.postJson(BASE + ref + "/access-decisions", token(caller), body, "X-Break-The-Glass", breakTheGlass);
    }

    /** The decision code of a check: PERMIT, or the refusal named by the problem's code. */
    static String outcome(HttpResponse<String> response) {
        JsonNode body = Http.json(response);
        if (response.statusCode() == 200) {
            return body.get("decision").asText();
        }
        return switch (body.get("code").asText()) {
            case "CV-AUTH-004" -> "ROLE_NOT_ALLOWED";
            case "CV-CONSENT-001" -> "NO_CONSENT";
            case "CV-CONSENT-002" -> "NO_THERAPEUTIC_RELATIONSHIP";
            case "CV-CONSENT-003" -> "EXCLUDED";
            case "CV-CONSENT-004" -> "BREAK_GLASS_REASON_INVALID";
            default -> "UNEXPECTED " + response.statusCode() + " " + response.body();
        };
    }

    /** The newest audit entries of a patient, read by the operator. */
    static JsonNode trail(String ref, String query) {
        HttpResponse<String> response = Http.get(BASE + ref + "/audit-trail" + query, token("admin"));
        assertEquals(200, response.statusCode(), response::body);
        return Http.json(response).get("entries");
    }

    /** The newest entry with the given action, skipping the operator's own reads of the trail. */
    static JsonNode lastEntry(String ref, String action) {
        for (JsonNode entry : trail(ref, "?limit=20")) {
            if (action.equals(entry.get("action").asText()) && !"ADMIN".equals(entry.get("callerRole").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + action + " entry");
    }
}
