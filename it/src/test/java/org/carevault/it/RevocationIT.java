package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The decision cache never outlives a change: after a permit has been cached, withdrawing consent,
 * revoking the relationship or excluding the professional refuses the very next request, without
 * waiting; giving consent back permits the next one again.
 */
class RevocationIT {

    private static String check(String ref) {
        return ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null));
    }

    @Test
    void withdrawingConsentRefusesTheNextRequest() {
        String ref = ConsentApi.resolve(ConsentApi.newSsin());
        ConsentApi.putConsentAsProfessional(ref, "physician");
        ConsentApi.linkId(ref, "physician");
        assertEquals("PERMIT", check(ref));
        assertEquals("PERMIT", check(ref), "now from the cache");

        assertEquals(200, ConsentApi.revokeConsentAsProfessional(ref, "physician").statusCode());
        assertEquals("NO_CONSENT", check(ref));

        assertEquals(201, ConsentApi.putConsentAsProfessional(ref, "physician").statusCode());
        assertEquals("PERMIT", check(ref), "the relationship still stands once consent is back");
    }

    @Test
    void revokingTheRelationshipRefusesTheNextRequest() {
        String ref = ConsentApi.resolve(ConsentApi.newSsin());
        ConsentApi.putConsentAsProfessional(ref, "physician");
        String link = ConsentApi.linkId(ref, "physician");
        assertEquals("PERMIT", check(ref));
        assertEquals("PERMIT", check(ref));

        assertEquals(204, Http.delete(ConsentApi.BASE + ref + "/therapeutic-links/" + link, ConsentApi.token("physician"))
                .statusCode());
        assertEquals("NO_THERAPEUTIC_RELATIONSHIP", check(ref));
    }

    @Test
    void anExclusionRefusesTheNextRequestAndLiftingItPermitsAgain() {
        String ref = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        Http.putJson(ConsentApi.BASE + ref + "/consent", ConsentApi.token("patient"), "{}");
        ConsentApi.linkId(ref, "physician");
        assertEquals("PERMIT", check(ref));
        assertEquals("PERMIT", check(ref));

        var excluded = Http.postJson(ConsentApi.BASE + ref + "/exclusions", ConsentApi.token("patient"),
                "{\"party\":{\"type\":\"SSIN\",\"id\":\"72081012378\"}}");
        assertEquals(201, excluded.statusCode(), excluded::body);
        assertEquals("EXCLUDED", check(ref));
        assertEquals("EXCLUDED", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ",
                ConsentApi.GOOD_REASON)), "an exclusion wins over break-the-glass");

        assertEquals(204, Http.delete(ConsentApi.BASE + ref + "/exclusions/" + Http.json(excluded).get("id").asText(),
                ConsentApi.token("patient")).statusCode());
        assertEquals("PERMIT", check(ref));
    }
}
