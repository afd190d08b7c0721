package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Step-up over REST (RFC 9470): a patient whose token says only a password ({@code acr password}, the demo's password
 * grant) reads as before, but changing consent, appointing or revoking a proxy and taking the audit trail are refused —
 * 401, {@code CV-AUTH-010}, the {@code insufficient_user_authentication} challenge naming {@code acr_values="mfa"} —
 * nothing changes, and each refusal is in the patient's trail. The same patient after password and TOTP through
 * Keycloak's pages ({@code acr mfa}) may do all of it. Professionals are not asked for a second factor.
 */
class StrongAuthenticationIT {

    private static final String PROXIES = "/proxies";

    /** The patient's sensitive actions: what each does with a token, and its name in the audit trail. */
    private static Map<String, BiFunction<String, String, HttpResponse<String>>> actions(String ref, String[] proxyId) {
        String base = ConsentApi.BASE + ref;
        Map<String, BiFunction<String, String, HttpResponse<String>>> actions = new LinkedHashMap<>();
        actions.put("PutPatientConsent", (token, name) -> Http.putJson(base + "/consent", token, "{}"));
        actions.put("RevokePatientConsent", (token, name) -> Http.delete(base + "/consent", token));
        actions.put("PutProxy", (token, name) -> Http.postJson(base + PROXIES, token,
                "{\"ssin\":\"" + ConsentApi.newSsin() + "\",\"name\":\"" + name + "\"}"));
        actions.put("RevokeProxy", (token, name) -> Http.delete(base + PROXIES + "/" + proxyId[0], token));
        actions.put("GetPatientAuditTrail", (token, name) -> Http.get(base + "/audit-trail?limit=5", token));
        return actions;
    }

    @Test
    void aPasswordOnlyPatientIsAskedForASecondFactorBeforeSensitiveChanges() {
        String password = ConsentApi.token("patient-password");
        String mfa = ConsentApi.token("patient");
        assertEquals("password", Tokens.payload(password).get("acr").asText(), "the password grant: level 1");
        assertEquals("mfa", Tokens.payload(mfa).get("acr").asText(), "password and TOTP through Keycloak's pages: level 2");

        String devos = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        HttpResponse<String> consentBefore = Http.get(ConsentApi.BASE + devos + "/consent", password);
        assertEquals(200, consentBefore.statusCode(), "reading needs no second factor");
        int scheme = Http.get(ConsentApi.BASE + devos + "/medication-scheme", password).statusCode();
        assertTrue(scheme == 200 || scheme == 404, "nor does reading one's data: " + scheme);
        HttpResponse<String> appointed = Http.postJson(ConsentApi.BASE + devos + PROXIES, mfa,
                "{\"ssin\":\"" + ConsentApi.newSsin() + "\",\"name\":\"Step-up Target\"}");
        assertEquals(201, appointed.statusCode(), appointed::body);
        String[] proxyId = {Http.json(appointed).get("id").asText()};
        String proxiesBefore = Http.get(ConsentApi.BASE + devos + PROXIES, mfa).body();

        // password only: every sensitive action refused, coded, challenged, nothing changed, each refusal recorded
        List<String> failures = new ArrayList<>();
        actions(devos, proxyId).forEach((action, call) -> {
            HttpResponse<String> refused = call.apply(password, "Refused Proxy");
            String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("");
            if (refused.statusCode() != 401 || !refused.body().contains("\"CV-AUTH-010\"")
                    || !challenge.contains("error=\"insufficient_user_authentication\"") || !challenge.contains("acr_values=\"mfa\"")) {
                failures.add(action + ": " + refused.statusCode() + " " + refused.body() + " / " + challenge);
            }
            JsonNode entry = ConsentApi.lastEntry(devos, action);
            if (!"STRONG_AUTHENTICATION_REQUIRED".equals(entry.get("decision").asText())
                    || !devos.equals(entry.get("callerId").asText())) {
                failures.add(action + ": audited as " + entry);
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(consentBefore.body(), Http.get(ConsentApi.BASE + devos + "/consent", password).body(), "consent unchanged");
        String proxiesAfter = Http.get(ConsentApi.BASE + devos + PROXIES, mfa).body();
        assertEquals(proxiesBefore, proxiesAfter, "no proxy appointed or revoked");
        assertFalse(proxiesAfter.contains("Refused Proxy"));

        // with the second factor: all of it, and the consent is back as it was
        boolean consented = Http.json(consentBefore).get("active").asBoolean();
        actions(devos, proxyId).forEach((action, call) -> {
            HttpResponse<String> done = call.apply(mfa, "Permitted Proxy");
            assertTrue(done.statusCode() / 100 == 2, () -> action + ": " + done.statusCode() + " " + done.body());
            assertEquals("PERMIT", ConsentApi.lastEntry(devos, action).get("decision").asText(), action);
        });
        if (consented) {
            assertEquals(201, Http.putJson(ConsentApi.BASE + devos + "/consent", mfa, "{}").statusCode());
        }
    }

    /** A professional registering a patient's consent (with its proof) is not asked for a second factor. */
    @Test
    void professionalsAreNotAskedForASecondFactor() {
        assertEquals("password", Tokens.payload(ConsentApi.token("physician")).get("acr").asText());
        String ref = ConsentApi.resolve(ConsentApi.newSsin());
        assertEquals(201, ConsentApi.putConsentAsProfessional(ref, "physician").statusCode());
        assertEquals(200, ConsentApi.revokeConsentAsProfessional(ref, "physician").statusCode());
        assertEquals(200, Http.get(ConsentApi.BASE + ref + "/audit-trail", ConsentApi.token("admin")).statusCode(),
                "nor is the operator");
    }
}
