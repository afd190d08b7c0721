package org.carevault.it;

import static org.carevault.it.MailboxApi.GP;
import static org.carevault.it.MailboxApi.PHARMACIST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message about a patient goes through the consent issue's decision: the sender needs the patient's
 * consent and a therapeutic relationship, a refusal stores nothing and is in the patient's trail, and
 * both the send and the recipient's fetch are in the patient's trail.
 */
class MailboxPatientIT {

    @BeforeAll
    static void tokensArePublished() {
        MailboxApi.publish(GP);
        MailboxApi.publish(PHARMACIST);
    }

    @Test
    void aMessageAboutAPatientNeedsConsentAndARelationshipAndIsInThePatientsTrail() {
        String ref = ConsentApi.resolve(ConsentApi.newSsin());
        byte[] sealed = MailboxIT.sealFor(GP, MailboxIT.letter("over de patiënt."), PHARMACIST.box());
        String publication = "about-" + UUID.randomUUID();
        String query = MailboxApi.query(publication, Map.of("patient", ref), PHARMACIST.box());
        long sentBefore = MailboxApi.list(GP, "SENTBOX").size();

        HttpResponse<String> refused = MailboxApi.send(GP, query, sealed);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("CV-CONSENT-001", Http.json(refused).get("code").asText());
        JsonNode refusal = ConsentApi.lastEntry(ref, "SendMessage");
        assertEquals("NO_CONSENT", refusal.get("decision").asText());
        assertEquals("MESSAGE", refusal.get("dataType").asText());
        assertEquals(sentBefore, MailboxApi.list(GP, "SENTBOX").size(), "nothing stored");

        ConsentApi.putConsentAsProfessional(ref, "physician");
        HttpResponse<String> noLink = MailboxApi.send(GP, query, sealed);
        assertEquals("CV-CONSENT-002", Http.json(noLink).get("code").asText());

        ConsentApi.linkId(ref, "physician");
        HttpResponse<String> sent = MailboxApi.send(GP, query, sealed);
        assertEquals(201, sent.statusCode(), sent.body());
        JsonNode permit = ConsentApi.lastEntry(ref, "SendMessage");
        assertEquals("PERMIT", permit.get("decision").asText());

        String id = Http.json(sent).get("messageId").asText();
        assertEquals(200, MailboxApi.content(PHARMACIST, id).statusCode());
        JsonNode fetch = ConsentApi.lastEntry(ref, "GetFullMessage");
        assertEquals("PERMIT", fetch.get("decision").asText());
        assertEquals("PHARMACIST", fetch.get("callerRole").asText());
    }
}
