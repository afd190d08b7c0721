package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the consent API gets a coded problem and changes nothing: invalid SSINs, unknown or
 * malformed patients, relationships in the past or ending before they start, break-the-glass
 * reasons too short or too long, missing proofs, unknown fields; repeated registrations are
 * idempotent; revoking what does not exist is a coded 404.
 */
class ConsentBadInputIT {

    private String ref;
    private String physician;

    @BeforeEach
    void patientWithConsent() {
        ref = ConsentApi.resolve(ConsentApi.newSsin());
        physician = ConsentApi.token("physician");
        assertEquals(201, ConsentApi.putConsentAsProfessional(ref, "physician").statusCode());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(code, Http.json(response).get("code").asText());
    }

    private JsonNode state() {
        JsonNode consent = Http.json(Http.get(ConsentApi.BASE + ref + "/consent", physician));
        JsonNode links = Http.json(Http.get(ConsentApi.BASE + ref + "/therapeutic-links", physician));
        return Http.JSON.createArrayNode().add(consent).add(links);
    }

    @Test
    void anInvalidSsinIsRefusedWithoutBeingRepeated() {
        HttpResponse<String> response = Http.postJson(ConsentApi.BASE + "resolve", physician, "{\"ssin\":\"55032001181\"}");
        assertProblem(response, 400, "CV-REQ-002");
        assertFalse(response.body().contains("55032001181"), "the value is not echoed");
        assertProblem(Http.postJson(ConsentApi.BASE + "resolve", physician, "{\"ssin\":\"5503200118\"}"), 400, "CV-REQ-002");
        assertProblem(Http.postJson(ConsentApi.BASE + "resolve", physician, "{\"ssin\":55032001180}"), 400, "CV-REQ-002");
        assertProblem(Http.postJson(ConsentApi.BASE + "resolve", physician, "{\"ssin\":\"55032001180\",\"x\":1}"), 400,
                "CV-REQ-002");
    }

    @Test
    void aResolvedReferenceRevealsNothingAndIsStable() {
        String ssin = ConsentApi.newSsin();
        String first = ConsentApi.resolve(ssin);
        assertEquals(first, ConsentApi.resolve(ssin));
        assertFalse(first.contains(ssin.substring(0, 6)));
        JsonNode unknown = Http.json(Http.get(ConsentApi.BASE + first + "/consent", physician));
        assertFalse(unknown.get("active").asBoolean(), "an unknown patient simply has no consent");
    }

    @Test
    void aMalformedPatientReferenceIsNotFound() {
        assertProblem(Http.get(ConsentApi.BASE + "not-a-ref/consent", physician), 404, "CV-REQ-005");
        assertProblem(Http.get(ConsentApi.BASE + "55032001180/consent", physician), 404, "CV-REQ-005");
    }

    @Test
    void relationshipsInThePastOrEndingBeforeTheyStartAreRefused() {
        JsonNode before = state();
        Instant now = Instant.now();
        assertProblem(ConsentApi.putLink(ref, "physician", ",\"start\":\"" + now.minusSeconds(3600) + "\""), 400, "CV-REQ-002");
        assertProblem(ConsentApi.putLink(ref, "physician", ",\"start\":\"" + now.plusSeconds(60) + "\",\"end\":\""
                + now.plusSeconds(30) + "\""), 400, "CV-REQ-002");
        assertProblem(ConsentApi.putLink(ref, "physician", ",\"end\":\"" + now.plusSeconds(3600L * 24 * 600) + "\""), 400,
                "CV-REQ-002");
        assertProblem(ConsentApi.putLink(ref, "physician", ",\"start\":\"yesterday\""), 400, "CV-REQ-002");
        assertProblem(Http.postJson(ConsentApi.BASE + ref + "/therapeutic-links", physician,
                "{\"kind\":\"FOREVER\",\"proof\":\"EID_READING\"}"), 400, "CV-REQ-002");
        assertEquals(before, state(), "nothing changed");
    }

    @Test
    void professionalsNeedAProofAndOnlyTheirOwn() {
        JsonNode before = state();
        assertProblem(Http.putJson(ConsentApi.BASE + ref + "/consent", physician, "{}"), 400, "CV-CONSENT-005");
        assertProblem(Http.delete(ConsentApi.BASE + ref + "/consent", physician), 400, "CV-CONSENT-005");
        assertProblem(Http.postJson(ConsentApi.BASE + ref + "/therapeutic-links", physician,
                "{\"kind\":\"REGULAR\",\"proof\":\"DECLARED_BY_PATIENT\"}"), 400, "CV-CONSENT-005");
        assertProblem(Http.postJson(ConsentApi.BASE + ref + "/therapeutic-links", physician,
                "{\"kind\":\"REGULAR\",\"proof\":\"EID_READING\",\"party\":{\"type\":\"SSIN\",\"id\":\"85021445650\"}}"),
                400, "CV-REQ-002");
        assertEquals(before, state(), "nothing changed");
    }

    @Test
    void breakTheGlassReasonsOutOfBoundsAreRefusedAndRecorded() {
        for (String reason : new String[] {"too short", "x".repeat(201), "   \t   "}) {
            assertProblem(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", reason), 400, "CV-CONSENT-004");
            assertEquals("BREAK_GLASS_REASON_INVALID", ConsentApi.lastEntry(ref, "CheckAccess").get("decision").asText());
        }
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ",
                "x".repeat(200))));
    }

    @Test
    void repeatedRegistrationsAreIdempotent() {
        HttpResponse<String> again = ConsentApi.putConsentAsProfessional(ref, "physician");
        assertEquals(200, again.statusCode(), "already active: not created again");
        HttpResponse<String> first = ConsentApi.putLink(ref, "physician", "");
        HttpResponse<String> second = ConsentApi.putLink(ref, "physician", "");
        assertEquals(201, first.statusCode());
        assertEquals(200, second.statusCode());
        assertEquals(Http.json(first).get("id"), Http.json(second).get("id"));
        assertEquals(1, Http.json(Http.get(ConsentApi.BASE + ref + "/therapeutic-links", physician)).size());
    }

    @Test
    void revokingWhatDoesNotExistIsNotFound() {
        JsonNode before = state();
        assertProblem(Http.delete(ConsentApi.BASE + ref + "/therapeutic-links/" + UUID.randomUUID(), physician), 404,
                "CV-REQ-005");
        assertProblem(Http.delete(ConsentApi.BASE + ref + "/therapeutic-links/not-a-uuid", physician), 404, "CV-REQ-005");
        String other = ConsentApi.resolve(ConsentApi.newSsin());
        assertProblem(Http.delete(ConsentApi.BASE + other + "/consent?proof=EID_READING", physician), 404, "CV-REQ-005");
        String patientToken = ConsentApi.token("patient");
        String devos = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        assertProblem(Http.delete(ConsentApi.BASE + devos + "/exclusions/" + UUID.randomUUID(), patientToken), 404,
                "CV-REQ-005");
        assertEquals(before, state(), "nothing changed");
    }

    @Test
    void aLinkOfAnotherPatientCannotBeRevokedThroughThisOne() {
        String link = ConsentApi.linkId(ref, "physician");
        String other = ConsentApi.resolve(ConsentApi.newSsin());
        ConsentApi.putConsentAsProfessional(other, "physician");
        assertProblem(Http.delete(ConsentApi.BASE + other + "/therapeutic-links/" + link, physician), 404, "CV-REQ-005");
        assertProblem(Http.delete(ConsentApi.BASE + ref + "/therapeutic-links/" + link, ConsentApi.token("nurse")), 404,
                "CV-REQ-005");
        assertEquals(1, Http.json(Http.get(ConsentApi.BASE + ref + "/therapeutic-links", physician)).size(), "still there");
    }
}
