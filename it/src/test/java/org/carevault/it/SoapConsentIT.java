package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.carevault.crypto.pki.Credential;
import org.junit.jupiter.api.Test;

/**
 * The consent service over SOAP, signed with the demo professionals' real certificates: the same
 * rules and the same audit trail as REST, the patient as an SSIN in the signed body, refusals as
 * coded client faults.
 */
class SoapConsentIT {

    private static Credential gp() {
        return SoapAuthenticationIT.demo("gp.peeters");
    }

    private static void assertOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
    }

    private static void assertFault(HttpResponse<String> response, String code) throws Exception {
        assertEquals(500, response.statusCode(), response::body);
        assertEquals(code, SignedSoap.text(response.body(), "Code"), response::body);
        assertTrue(SignedSoap.text(response.body(), "faultcode").endsWith(":Client"), response::body);
    }

    private static String patient(String ssin) {
        return "<c:PatientSsin>" + ssin + "</c:PatientSsin>";
    }

    @Test
    void aGpRegistersConsentAndARelationshipThenMayAccessAndThePatientSeesIt() throws Exception {
        String ssin = ConsentApi.newSsin();
        HttpResponse<String> consent = SignedSoap.consent("PutPatientConsent", patient(ssin) + "<c:Proof>EID_READING</c:Proof>",
                gp());
        assertOk(consent);
        assertEquals("true", SignedSoap.text(consent.body(), "Created"));
        assertEquals("true", SignedSoap.text(consent.body(), "Active"));
        assertEquals("false", SignedSoap.text(SignedSoap.consent("PutPatientConsent",
                patient(ssin) + "<c:Proof>EID_READING</c:Proof>", gp()).body(), "Created"), "idempotent");

        assertFault(SignedSoap.consent("CheckAccess", patient(ssin)
                + "<c:DataType>MEDICATION_SCHEME</c:DataType><c:Operation>READ</c:Operation>", gp()), "CV-CONSENT-002");
        HttpResponse<String> link = SignedSoap.consent("PutTherapeuticLink", patient(ssin)
                + "<c:Kind>REGULAR</c:Kind><c:Proof>EID_READING</c:Proof>", gp());
        assertOk(link);
        String linkId = SignedSoap.text(link.body(), "Id");
        HttpResponse<String> check = SignedSoap.consent("CheckAccess", patient(ssin)
                + "<c:DataType>MEDICATION_SCHEME</c:DataType><c:Operation>WRITE</c:Operation>", gp());
        assertOk(check);
        assertEquals("PERMIT", SignedSoap.text(check.body(), "Decision"));
        assertEquals("THERAPEUTIC_RELATIONSHIP", SignedSoap.text(check.body(), "Basis"));

        HttpResponse<String> links = SignedSoap.consent("GetTherapeuticLink", patient(ssin), gp());
        assertOk(links);
        assertEquals(linkId, SignedSoap.text(links.body(), "Id"));

        String ref = ConsentApi.resolve(ssin);
        JsonNode entry = ConsentApi.lastEntry(ref, "CheckAccess");
        assertEquals("SOAP", entry.get("channel").asText());
        assertEquals("72081012378", entry.get("callerId").asText());
        assertEquals("PERMIT", entry.get("decision").asText());
        assertEquals("PutTherapeuticLink", ConsentApi.lastEntry(ref, "PutTherapeuticLink").get("action").asText());

        assertOk(SignedSoap.consent("RevokeTherapeuticLink", patient(ssin) + "<c:LinkId>" + linkId + "</c:LinkId>", gp()));
        assertFault(SignedSoap.consent("CheckAccess", patient(ssin)
                + "<c:DataType>MEDICATION_SCHEME</c:DataType><c:Operation>READ</c:Operation>", gp()), "CV-CONSENT-002");
        HttpResponse<String> revoked = SignedSoap.consent("RevokePatientConsent", patient(ssin)
                + "<c:Proof>EID_READING</c:Proof>", gp());
        assertOk(revoked);
        assertEquals("false", SignedSoap.text(revoked.body(), "Active"));
        assertEquals("false", SignedSoap.text(SignedSoap.consent("GetPatientConsent", patient(ssin), gp()).body(), "Active"));
    }

    @Test
    void breakTheGlassOverSoapIsRecordedWithItsReason() throws Exception {
        String ssin = ConsentApi.newSsin();
        assertOk(SignedSoap.consent("PutPatientConsent", patient(ssin) + "<c:Proof>EID_SIGNING</c:Proof>", gp()));
        HttpResponse<String> check = SignedSoap.consent("CheckAccess", patient(ssin)
                + "<c:DataType>SUMEHR</c:DataType><c:Operation>READ</c:Operation>"
                + "<c:BreakTheGlassReason>" + ConsentApi.GOOD_REASON + "</c:BreakTheGlassReason>", gp());
        assertOk(check);
        assertEquals("true", SignedSoap.text(check.body(), "BreakTheGlass"));
        JsonNode entry = ConsentApi.lastEntry(ConsentApi.resolve(ssin), "CheckAccess");
        assertTrue(entry.get("breakTheGlass").asBoolean());
        assertEquals(ConsentApi.GOOD_REASON, entry.get("breakTheGlassReason").asText());

        assertFault(SignedSoap.consent("CheckAccess", patient(ssin) + "<c:DataType>SUMEHR</c:DataType>"
                + "<c:Operation>READ</c:Operation><c:BreakTheGlassReason>urgent</c:BreakTheGlassReason>", gp()), "CV-CONSENT-004");
        assertFault(SignedSoap.consent("CheckAccess", patient(ssin) + "<c:DataType>MEDICATION_SCHEME</c:DataType>"
                + "<c:Operation>READ</c:Operation><c:BreakTheGlassReason>" + ConsentApi.GOOD_REASON
                + "</c:BreakTheGlassReason>", SoapAuthenticationIT.demo("pharm.janssens")), "CV-AUTH-004");
    }

    @Test
    void badInputIsACodedClientFaultThatNamesNoPatient() throws Exception {
        HttpResponse<String> invalid = SignedSoap.consent("GetPatientConsent", patient("55032001181"), gp());
        assertFault(invalid, "CV-REQ-002");
        assertFalse(invalid.body().contains("55032001181"), "the SSIN is not echoed");
        assertFault(SignedSoap.consent("PutPatientConsent", patient(ConsentApi.newSsin()), gp()), "CV-CONSENT-005");
        assertFault(SignedSoap.consent("RevokeTherapeuticLink", patient(ConsentApi.newSsin())
                + "<c:LinkId>00000000-0000-0000-0000-000000000000</c:LinkId>", gp()), "CV-REQ-005");
        assertFault(SignedSoap.consent("CheckAccess", patient(ConsentApi.newSsin())
                + "<c:DataType>X-RAYS</c:DataType><c:Operation>READ</c:Operation>", gp()), "CV-REQ-002");
        assertFault(SignedSoap.consent("PutTherapeuticLink", patient(ConsentApi.newSsin())
                + "<c:Kind>REGULAR</c:Kind><c:Proof>EID_READING</c:Proof><c:Start>2030-01-01T00:00:00</c:Start>", gp()),
                "CV-REQ-002");
    }
}
