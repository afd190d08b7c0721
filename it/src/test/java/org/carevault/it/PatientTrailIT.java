package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The patient reads their own trail: every access (also refusals), filtered by period and by
 * professional; break-the-glass accesses on their own as notifications, with the reason.
 */
class PatientTrailIT {

    private static JsonNode trail(String ref, String query) {
        HttpResponse<String> response = Http.get(ConsentApi.BASE + ref + "/audit-trail" + query, ConsentApi.token("patient"));
        assertEquals(200, response.statusCode(), response::body);
        return Http.json(response).get("entries");
    }

    @Test
    void thePatientSeesWhoDidWhatAndFiltersIt() {
        String ref = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        Http.putJson(ConsentApi.BASE + ref + "/consent", ConsentApi.token("patient"), "{}");
        // The patient revokes any relationship of the nurse (other tests may have left one): she must break the glass.
        for (JsonNode link : Http.json(Http.get(ConsentApi.BASE + ref + "/therapeutic-links", ConsentApi.token("patient")))) {
            if ("90050123412".equals(link.get("party").get("id").asText())) {
                assertEquals(204, Http.delete(ConsentApi.BASE + ref + "/therapeutic-links/" + link.get("id").asText(),
                        ConsentApi.token("patient")).statusCode());
            }
        }
        Instant since = Instant.now();
        assertEquals(200, ConsentApi.check(ref, "nurse", "SUMEHR", "READ", ConsentApi.GOOD_REASON).statusCode());
        assertEquals(403, ConsentApi.check(ref, "pharmacist", "SUMEHR", "READ", null).statusCode());

        JsonNode recent = trail(ref, "?from=" + since);
        assertTrue(recent.size() >= 2, recent::toString);
        for (JsonNode entry : recent) {
            assertTrue(!Instant.parse(entry.get("at").asText()).isBefore(since.minusMillis(1)), "within the period");
        }
        JsonNode nurseOnly = trail(ref, "?from=" + since + "&partyType=SSIN&partyId=90050123412");
        assertEquals(1, nurseOnly.size(), nurseOnly::toString);
        assertEquals("PERMIT", nurseOnly.get(0).get("decision").asText());
        JsonNode pharmacist = trail(ref, "?from=" + since + "&partyType=SSIN&partyId=85021445650");
        assertEquals("ROLE_NOT_ALLOWED", pharmacist.get(0).get("decision").asText(), "refusals are shown too");
        assertEquals("Els Janssens", pharmacist.get(0).get("callerName").asText());

        JsonNode notifications = trail(ref, "?from=" + since + "&breakTheGlass=true");
        assertEquals(1, notifications.size(), notifications::toString);
        assertEquals(ConsentApi.GOOD_REASON, notifications.get(0).get("breakTheGlassReason").asText());
        assertEquals("NURSE", notifications.get(0).get("callerRole").asText());

        assertEquals(0, trail(ref, "?from=" + Instant.now().plusSeconds(3600)).size(), "nothing in the future");
        HttpResponse<String> bad = Http.get(ConsentApi.BASE + ref + "/audit-trail?from=yesterday", ConsentApi.token("patient"));
        assertEquals(400, bad.statusCode());
    }
}
