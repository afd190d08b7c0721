package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * Reading the trail adds to it (the read is audited), and care providers keep adding while the patient pages:
     * paging by the cursor ({@code before=nextBefore}) returns every entry that was there at the first page exactly
     * once, newest first, and ends.
     */
    @Test
    void pagingByCursorNeitherRepeatsNorSkipsWhileTheTrailGrows() {
        String ref = ConsentApi.resolve(ConsentApi.newSsin());
        ConsentApi.putConsentAsProfessional(ref, "physician");
        for (int i = 0; i < 7; i++) {
            ConsentApi.check(ref, "pharmacist", "SUMEHR", "READ", null);
        }
        List<Long> before = seqs(Http.json(Http.get(ConsentApi.BASE + ref + "/audit-trail?limit=500", ConsentApi.token("admin")))
                .get("entries"));
        assertTrue(before.size() >= 8, before::toString);

        List<Long> paged = new ArrayList<>();
        String query = "?limit=3";
        for (int page = 0; page < 100; page++) {
            HttpResponse<String> response = Http.get(ConsentApi.BASE + ref + "/audit-trail" + query, ConsentApi.token("admin"));
            assertEquals(200, response.statusCode(), response::body);
            JsonNode body = Http.json(response);
            paged.addAll(seqs(body.get("entries")));
            ConsentApi.check(ref, "pharmacist", "SUMEHR", "READ", null);  // the trail grows between pages
            if (body.get("nextBefore") == null || body.get("nextBefore").isNull()) {
                break;
            }
            query = "?limit=3&before=" + body.get("nextBefore").asLong();
        }
        assertEquals(paged.stream().distinct().count(), paged.size(), "no entry twice: " + paged);
        assertEquals(paged.stream().sorted(Comparator.reverseOrder()).toList(), paged, "newest first");
        assertTrue(paged.containsAll(before), "every entry there at the start is on some page");
        assertTrue(paged.size() <= before.size() + 2, "what was added while paging is not read (but the first page's own read)");

        HttpResponse<String> bad = Http.get(ConsentApi.BASE + ref + "/audit-trail?before=abc", ConsentApi.token("admin"));
        assertEquals(400, bad.statusCode(), bad::body);
        assertTrue(bad.body().contains("CV-REQ-002"), bad::body);
    }

    private static List<Long> seqs(JsonNode entries) {
        List<Long> seqs = new ArrayList<>();
        entries.forEach(entry -> seqs.add(entry.get("seq").asLong()));
        return seqs;
    }
}
