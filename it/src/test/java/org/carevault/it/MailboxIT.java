package org.carevault.it;

import static org.carevault.it.MailboxApi.GP;
import static org.carevault.it.MailboxApi.MAILBOX;
import static org.carevault.it.MailboxApi.NURSE;
import static org.carevault.it.MailboxApi.PHARMACIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carevault.client.Letter;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Sealer;
import org.carevault.crypto.seal.Unsealer;
import org.carevault.crypto.timestamp.TimeStamps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mailbox over REST with real tokens and real sealing: a GP sends a sealed referral letter with
 * an annex to a pharmacist; the pharmacist fetches, unseals and verifies the sender; time-stamped
 * receipts verify; others cannot touch it; bad input is refused with its code and stores nothing.
 * (MailboxStoredIT then reads the raw database for the words of these letters.)
 */
class MailboxIT {

    /** Words only these letters contain, searched for in the raw database afterwards. */
    static final String SUBJECT = "Verwijzing Hartritmestoornis Quinidinegluconaat";
    static final String ANNEX_TITLE = "Elektrocardiogram-Zwartberg.pdf";

    @BeforeAll
    static void everyonePublishesAToken() {
        for (MailboxApi.Party party : List.of(GP, PHARMACIST, NURSE)) {
            HttpResponse<String> published = MailboxApi.publish(party);
            assertEquals(201, published.statusCode(), published.body());
        }
    }

    static Letter letter(String text) {
        return Letter.text(SUBJECT, "Beste collega, " + text, new Letter.Annex(ANNEX_TITLE, "application/pdf",
                ("%PDF-1.7 " + text).getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sealFor(MailboxApi.Party sender, Letter letter, String... boxes) {
        List<X509Certificate> recipients = new ArrayList<>();
        for (String box : boxes) {
            recipients.addAll(MailboxApi.lookup(sender, box));
        }
        return Sealer.seal(letter.encode(), sender.authentication(), recipients);
    }

    static String sendOk(MailboxApi.Party sender, String query, byte[] sealed) {
        HttpResponse<String> sent = MailboxApi.send(sender, query, sealed);
        assertEquals(201, sent.statusCode(), sent.body());
        return Http.json(sent).get("messageId").asText();
    }

    @Test
    void aSealedLetterWithAnAnnexReachesTheRecipientWhoUnsealsItAndTheReceiptsVerify() throws Exception {
        Letter letter = letter("graag uw advies over de medicatie.");
        byte[] sealed = sealFor(GP, letter, PHARMACIST.box());
        String id = sendOk(GP, MailboxApi.query("referral-" + UUID.randomUUID(),
                Map.of("receipt", "received", "important", "true"), PHARMACIST.box()) + "&receipt=read", sealed);

        assertTrue(MailboxApi.holds(GP, "SENTBOX", id), "the sender keeps a copy");
        JsonNode listed = null;
        for (JsonNode message : MailboxApi.list(PHARMACIST, "INBOX")) {
            if (message.get("id").asText().equals(id)) {
                listed = message;
            }
        }
        assertNotNull(listed, "in the recipient's inbox");
        assertEquals(GP.box(), listed.get("sender").asText());
        assertEquals(List.of(PHARMACIST.box()), List.of(listed.get("recipients").get(0).asText()));
        assertTrue(listed.get("important").asBoolean());
        assertEquals(sealed.length, listed.get("size").asLong());
        assertFalse(listed.toString().contains("Verwijzing"), "the listing holds nothing of the content");

        HttpResponse<byte[]> fetched = MailboxApi.content(PHARMACIST, id);
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(sealed, fetched.body(), "the hub hands out exactly the sealed bytes");
        Unsealer.Unsealed opened = Unsealer.unseal(fetched.body(), PHARMACIST.encryption().privateKey(),
                PHARMACIST.encryption().certificate(), MailboxApi.trust(), Instant.now());
        assertEquals(letter, Letter.decode(opened.content()), "subject, body and annex as written");
        assertEquals("72081012378", CertificateIdentity.parse(opened.sender().getSubjectX500Principal()).orElseThrow()
                .ssin().value(), "the sender verified: the GP");
        assertEquals(204, Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Stack.HUB + MAILBOX + "/messages/"
                + id + "/read")).header("Authorization", "Bearer " + PHARMACIST.token())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode());

        HttpResponse<String> acks = Http.get(MAILBOX + "/messages/" + id + "/acknowledgements", GP.token());
        assertEquals(200, acks.statusCode(), acks.body());
        List<String> kinds = new ArrayList<>();
        for (JsonNode ack : Http.json(acks)) {
            kinds.add(ack.get("kind").asText());
            assertEquals(PHARMACIST.box(), ack.get("recipient").asText());
            byte[] statement = ack.get("statement").asText().getBytes(StandardCharsets.UTF_8);
            Instant stamped = TimeStamps.verify(Base64.getDecoder().decode(ack.get("timeStamp").asText()), statement,
                    MailboxApi.trust());
            Instant at = Instant.parse(ack.get("at").asText());
            assertTrue(Math.abs(ChronoUnit.SECONDS.between(at, stamped)) <= 2, "time-stamped when it happened");
            assertThrows(RuntimeException.class, () -> TimeStamps.verify(Base64.getDecoder().decode(ack.get("timeStamp")
                    .asText()), (ack.get("statement").asText() + "x").getBytes(StandardCharsets.UTF_8), MailboxApi.trust()),
                    "a time-stamp covers its statement only");
        }
        assertEquals(List.of("PUBLISHED", "RECEIVED", "READ"), kinds);
        assertEquals(404, Http.get(MAILBOX + "/messages/" + id + "/acknowledgements", PHARMACIST.token()).statusCode(),
                "receipts are the sender's");
    }

    @Test
    void aThirdProfessionalCanNeitherFetchMoveNorDeleteNorUnsealTheMessage() {
        byte[] sealed = sealFor(GP, letter("privé."), PHARMACIST.box());
        String id = sendOk(GP, MailboxApi.query("private-" + UUID.randomUUID(), Map.of(), PHARMACIST.box()), sealed);

        assertEquals(404, MailboxApi.content(NURSE, id).statusCode());
        assertEquals(404, Http.get(MAILBOX + "/messages/" + id, NURSE.token()).statusCode());
        for (String operation : List.of("/moves", "/deletions")) {
            String body = operation.equals("/moves") ? "{\"ids\":[\"" + id + "\"],\"folder\":\"BININBOX\"}" : "{\"ids\":[\"" + id + "\"]}";
            HttpResponse<String> refused = Http.postJson(MAILBOX + operation, NURSE.token(), body);
            assertEquals(404, refused.statusCode(), refused.body());
            assertEquals("CV-REQ-005", Http.json(refused).get("code").asText());
        }
        assertTrue(MailboxApi.holds(PHARMACIST, "INBOX", id), "still in the recipient's inbox");
        assertTrue(MailboxApi.holds(GP, "SENTBOX", id), "still in the sender's sent box");

        // Even with the sealed bytes in hand (the hub's help), the nurse was not a recipient: nothing opens.
        SealException refused = assertThrows(SealException.class, () -> Unsealer.unseal(sealed, NURSE.encryption().privateKey(),
                NURSE.encryption().certificate(), MailboxApi.trust(), Instant.now()));
        assertEquals(SealException.Reason.NOT_A_RECIPIENT, refused.reason());
    }

    @Test
    void aResendWithTheSamePublicationIdNeverDuplicatesAndAnotherMessageUnderItIsRefused() {
        String publication = "retry-" + UUID.randomUUID();
        byte[] sealed = sealFor(GP, letter("eenmaal."), PHARMACIST.box());
        String id = sendOk(GP, MailboxApi.query(publication, Map.of(), PHARMACIST.box()), sealed);
        HttpResponse<String> again = MailboxApi.send(GP, MailboxApi.query(publication, Map.of(), PHARMACIST.box()), sealed);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, Http.json(again).get("messageId").asText());
        assertTrue(Http.json(again).get("repeated").asBoolean());
        long copies = 0;
        for (JsonNode message : MailboxApi.list(PHARMACIST, "INBOX")) {
            copies += message.get("publicationId").asText().equals(publication) ? 1 : 0;
        }
        assertEquals(1, copies, "one copy in the inbox");

        HttpResponse<String> other = MailboxApi.send(GP, MailboxApi.query(publication, Map.of(), PHARMACIST.box()),
                sealFor(GP, letter("iets anders."), PHARMACIST.box()));
        assertEquals(409, other.statusCode(), other.body());
        assertEquals("CV-MAIL-008", Http.json(other).get("code").asText());
    }

    @Test
    void movesAndDeletionsFollowTheFolders() {
        String id = sendOk(GP, MailboxApi.query("folders-" + UUID.randomUUID(), Map.of(), PHARMACIST.box()),
                sealFor(GP, letter("mappen."), PHARMACIST.box()));
        HttpResponse<String> wrongFolder = Http.postJson(MAILBOX + "/moves", PHARMACIST.token(),
                "{\"ids\":[\"" + id + "\"],\"folder\":\"SENTBOX\"}");
        assertEquals(400, wrongFolder.statusCode(), "a received message does not go to SENTBOX");
        assertEquals(204, Http.postJson(MAILBOX + "/deletions", PHARMACIST.token(), "{\"ids\":[\"" + id + "\"]}").statusCode());
        assertTrue(MailboxApi.holds(PHARMACIST, "BININBOX", id), "deleted from INBOX: in the bin");
        assertEquals(204, Http.postJson(MAILBOX + "/moves", PHARMACIST.token(),
                "{\"ids\":[\"" + id + "\"],\"folder\":\"INBOX\"}").statusCode());
        assertTrue(MailboxApi.holds(PHARMACIST, "INBOX", id), "moved back");
        assertEquals(204, Http.postJson(MAILBOX + "/deletions", PHARMACIST.token(), "{\"ids\":[\"" + id + "\"]}").statusCode());
        assertEquals(204, Http.postJson(MAILBOX + "/deletions", PHARMACIST.token(), "{\"ids\":[\"" + id + "\"]}").statusCode());
        assertFalse(MailboxApi.holds(PHARMACIST, "BININBOX", id), "deleted from the bin: gone from this box");
        assertEquals(404, MailboxApi.content(PHARMACIST, id).statusCode());
        assertTrue(MailboxApi.holds(GP, "SENTBOX", id), "the sender's copy is the sender's");
    }

    @Test
    void anAbsentRecipientStillGetsTheMessageAndTheSenderLearnsTheSubstitutes() {
        String from = Instant.now().minusSeconds(60).toString();
        String until = Instant.now().plusSeconds(3600).toString();
        HttpResponse<String> absence = Http.postJson(MAILBOX + "/out-of-office", PHARMACIST.token(),
                "{\"from\":\"" + from + "\",\"until\":\"" + until + "\",\"substitutes\":[\"" + NURSE.box() + "\"]}");
        assertEquals(201, absence.statusCode(), absence.body());
        String absenceId = Http.json(absence).get("id").asText();
        try {
            HttpResponse<String> sent = MailboxApi.send(GP, MailboxApi.query("away-" + UUID.randomUUID(), Map.of(),
                    PHARMACIST.box()), sealFor(GP, letter("afwezig."), PHARMACIST.box()));
            assertEquals(201, sent.statusCode(), sent.body());
            JsonNode absent = Http.json(sent).get("absent");
            assertEquals(1, absent.size());
            assertEquals(PHARMACIST.box(), absent.get(0).get("recipient").asText());
            assertEquals(NURSE.box(), absent.get(0).get("substitutes").get(0).asText());
            assertTrue(MailboxApi.holds(PHARMACIST, "INBOX", Http.json(sent).get("messageId").asText()), "delivered all the same");

            HttpResponse<String> tooMany = Http.postJson(MAILBOX + "/out-of-office", PHARMACIST.token(),
                    "{\"from\":\"" + from + "\",\"until\":\"" + until + "\",\"substitutes\":[\"" + NURSE.box() + "\",\""
                            + GP.box() + "\",\"SSIN:00000000097:NURSE\",\"SSIN:00000000196:NURSE\",\"SSIN:00000000295:NURSE\","
                            + "\"SSIN:00000000394:NURSE\"]}");
            assertEquals(400, tooMany.statusCode(), "at most five substitutes");
        } finally {
            assertEquals(204, Http.delete(MAILBOX + "/out-of-office/" + absenceId, PHARMACIST.token()).statusCode());
        }
        HttpResponse<String> back = MailboxApi.send(GP, MailboxApi.query("back-" + UUID.randomUUID(), Map.of(), PHARMACIST.box()),
                sealFor(GP, letter("terug."), PHARMACIST.box()));
        assertEquals(0, Http.json(back).get("absent").size(), "no absence once it is deleted");
    }

    @Test
    void aFullBoxKeepsANewMessageWaitingUntilSpaceIsFreed() {
        // The test stack's boxes hold 3 MiB (DemoSetup --test); the nurse's box holds nothing else of these tests.
        emptyBox(NURSE);
        byte[] filler = new byte[1700 * 1024];
        new java.util.Random(7).nextBytes(filler);
        String first = sendOk(GP, MailboxApi.query("big-1-" + UUID.randomUUID(), Map.of(), NURSE.box()),
                sealFor(GP, new Letter("groot", "application/octet-stream", filler, List.of()), NURSE.box()));
        String second = sendOk(GP, MailboxApi.query("big-2-" + UUID.randomUUID(), Map.of(), NURSE.box()),
                sealFor(GP, new Letter("groot", "application/octet-stream", filler, List.of()), NURSE.box()));
        assertTrue(MailboxApi.holds(NURSE, "INBOX", first));
        assertFalse(MailboxApi.holds(NURSE, "INBOX", second), "does not fit: waiting, not shown");
        assertEquals(1, MailboxApi.info(NURSE).get("waiting").asLong());
        assertEquals(404, MailboxApi.content(NURSE, second).statusCode(), "a waiting message cannot be fetched yet");

        delete(NURSE, first);
        assertEquals(1, MailboxApi.info(NURSE).get("waiting").asLong(), "the bin still takes space");
        delete(NURSE, first);
        assertTrue(MailboxApi.holds(NURSE, "INBOX", second), "space freed: the waiting message is delivered");
        assertEquals(0, MailboxApi.info(NURSE).get("waiting").asLong());
        emptyBox(NURSE);
        for (String id : List.of(first, second)) {
            // The sender's copies count against the sender's box too: gone, so that other tests' answers fit.
            delete(GP, id);
            delete(GP, id);
        }
        assertFalse(MailboxApi.holds(GP, "BINSENTBOX", first));
    }

    private static void delete(MailboxApi.Party owner, String id) {
        assertEquals(204, Http.postJson(MAILBOX + "/deletions", owner.token(), "{\"ids\":[\"" + id + "\"]}").statusCode());
    }

    private static void emptyBox(MailboxApi.Party owner) {
        for (String folder : List.of("INBOX", "BININBOX")) {
            for (JsonNode message : MailboxApi.list(owner, folder)) {
                delete(owner, message.get("id").asText());
            }
        }
    }
}
