package org.carevault.it;

import static org.carevault.it.MailboxApi.GP;
import static org.carevault.it.MailboxApi.MAILBOX;
import static org.carevault.it.MailboxApi.NURSE;
import static org.carevault.it.MailboxApi.PHARMACIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Unsealer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mandates: the pharmacist lets the nurse consult her box (REST and SOAP); the nurse lists, fetches and
 * files the pharmacist's messages, but cannot open them (a mandate reaches the box, not the keys); without
 * a mandate, or once it is revoked, the box is refused with CV-MAIL-009.
 */
class MailboxMandateIT {

    private static final String OF_PHARMACIST = "box=" + MailboxApi.encode(PHARMACIST.box());

    @BeforeAll
    static void tokensArePublished() {
        MailboxApi.publish(GP);
        MailboxApi.publish(PHARMACIST);
        MailboxApi.publish(NURSE);
    }

    @Test
    void aMandateOpensTheBoxToItsHolderUntilItIsRevoked() throws Exception {
        long since = newestOfTrail(PHARMACIST);
        HttpResponse<String> granted = Http.postJson(MAILBOX + "/mandates", PHARMACIST.token(),
                "{\"mandatee\":{\"type\":\"SSIN\",\"id\":\"90050123412\"}}");
        assertEquals(201, granted.statusCode(), granted.body());
        String mandate = Http.json(granted).get("id").asText();
        byte[] sealed = MailboxIT.sealFor(GP, MailboxIT.letter("voor de apotheek."), PHARMACIST.box());
        String id = MailboxIT.sendOk(GP, MailboxApi.query("mandate-" + UUID.randomUUID(), Map.of(), PHARMACIST.box()), sealed);

        JsonNode listed = Http.json(Http.get(MAILBOX + "/messages?folder=INBOX&limit=100&" + OF_PHARMACIST, NURSE.token()));
        boolean seen = false;
        for (JsonNode message : listed) {
            seen |= message.get("id").asText().equals(id);
        }
        assertTrue(seen, "the nurse sees the pharmacist's inbox");
        HttpResponse<byte[]> fetched = Http.CLIENT_BYTES.apply(MAILBOX + "/messages/" + id + "/content?" + OF_PHARMACIST,
                NURSE.token());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(sealed, fetched.body());
        assertEquals(SealException.Reason.NOT_A_RECIPIENT, assertThrows(SealException.class, () -> Unsealer.unseal(
                fetched.body(), NURSE.encryption().privateKey(), NURSE.encryption().certificate(), MailboxApi.trust(),
                Instant.now())).reason(), "a mandate reaches the box, not the recipient's keys");
        assertEquals(204, Http.postJson(MAILBOX + "/moves?" + OF_PHARMACIST, NURSE.token(),
                "{\"ids\":[\"" + id + "\"],\"folder\":\"BININBOX\"}").statusCode());
        assertTrue(MailboxApi.holds(PHARMACIST, "BININBOX", id), "filed in the pharmacist's box");
        assertEquals(PHARMACIST.box(), Http.json(Http.get(MAILBOX + "?" + OF_PHARMACIST, NURSE.token())).get("box").asText());

        var soap = SignedSoap.mailbox("MailboxConsultation", "GetMessagesList", "<c:Folder>BININBOX</c:Folder>"
                + "<c:OnBehalfOf><c:Type>SSIN</c:Type><c:Id>85021445650</c:Id><c:Quality>PHARMACIST</c:Quality></c:OnBehalfOf>",
                NURSE.authentication());
        assertEquals(200, soap.statusCode(), soap.body());
        assertTrue(soap.body().contains(id), "over SOAP too");

        HttpResponse<String> noMandate = Http.get(MAILBOX + "/messages?" + OF_PHARMACIST, GP.token());
        assertEquals(403, noMandate.statusCode());
        assertEquals("CV-MAIL-009", Http.json(noMandate).get("code").asText());

        assertEquals(404, Http.delete(MAILBOX + "/mandates/" + mandate, NURSE.token()).statusCode(),
                "only the box's owner ends a mandate");
        assertEquals(204, Http.delete(MAILBOX + "/mandates/" + mandate, PHARMACIST.token()).statusCode());
        HttpResponse<String> revoked = Http.get(MAILBOX + "/messages?" + OF_PHARMACIST, NURSE.token());
        assertEquals("CV-MAIL-009", Http.json(revoked).get("code").asText(), "refused at once once revoked");
        var soapRevoked = SignedSoap.mailbox("MailboxConsultation", "GetBoxInfo",
                "<c:OnBehalfOf><c:Type>SSIN</c:Type><c:Id>85021445650</c:Id><c:Quality>PHARMACIST</c:Quality></c:OnBehalfOf>",
                NURSE.authentication());
        assertEquals("CV-MAIL-009", SignedSoap.text(soapRevoked.body(), "Code"));

        JsonNode mandates = Http.json(Http.get(MAILBOX + "/mandates", PHARMACIST.token()));
        JsonNode mine = null;
        for (JsonNode m : mandates) {
            mine = m.get("id").asText().equals(mandate) ? m : mine;
        }
        assertNotNull(mine);
        assertTrue(mine.hasNonNull("revokedAt"), "kept, as revoked");

        // The pharmacist sees who used or tried to use her box, oldest last: the nurse's uses under the mandate, the
        // GP's refused attempt, the nurse's refused attempts once it was revoked; none of her own uses.
        List<String> trail = new ArrayList<>();
        for (JsonNode entry : Http.json(Http.get(MAILBOX + "/audit-trail?limit=500", PHARMACIST.token())).get("entries")) {
            if (entry.get("seq").asLong() > since) {
                trail.add(entry.get("callerId").asText() + " " + entry.get("channel").asText() + " " + entry.get("action").asText()
                        + " " + entry.get("decision").asText() + " " + entry.get("basis").asText());
            }
        }
        Collections.reverse(trail);
        assertEquals(List.of(
                "90050123412 REST getMessagesList PERMIT MANDATE",
                "90050123412 REST getFullMessage PERMIT MANDATE",
                "90050123412 REST moveMessage PERMIT MANDATE",
                "90050123412 REST getBoxInfo PERMIT MANDATE",
                "90050123412 SOAP getMessagesList PERMIT MANDATE",
                "72081012378 REST getMessagesList NOT_MANDATED NONE",
                "90050123412 REST getMessagesList NOT_MANDATED NONE",
                "90050123412 SOAP getBoxInfo NOT_MANDATED NONE"), trail);
        JsonNode nursesOwn = Http.json(Http.get(MAILBOX + "/audit-trail", NURSE.token()));
        assertEquals(NURSE.box(), nursesOwn.get("box").asText(), "a box's trail is its owner's: the nurse reads her own");
        for (JsonNode entry : nursesOwn.get("entries")) {
            assertTrue(entry.get("seq").asLong() <= since || !"90050123412".equals(entry.get("callerId").asText()),
                    "the nurse's uses of the pharmacist's box are not in the nurse's trail");
        }
    }

    /** The newest entry of a box's trail (its sequence number, -1 when empty): what a test compares from. */
    private static long newestOfTrail(MailboxApi.Party owner) {
        JsonNode entries = Http.json(Http.get(MAILBOX + "/audit-trail?limit=1", owner.token())).get("entries");
        return entries.isEmpty() ? -1 : entries.get(0).get("seq").asLong();
    }
}
