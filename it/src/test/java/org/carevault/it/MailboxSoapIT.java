package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.client.Letter;
import org.carevault.client.MailboxClient;
import org.carevault.client.MailboxClient.Box;
import org.carevault.client.MailboxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mailbox over SOAP through the client library, as medical software would use it: every request
 * signed with the user's demo certificate, letters sealed on the client for tokens it verified itself,
 * what arrives opened and its sender verified on the client, receipts' time-stamps verified on the client.
 */
class MailboxSoapIT {

    private static MailboxClient gp;
    private static MailboxClient pharmacist;
    private static MailboxClient nurse;
    private static final Box PHARMACIST = Box.parse(MailboxApi.PHARMACIST.box());

    static MailboxClient client(MailboxApi.Party party) {
        return new MailboxClient(URI.create(Stack.HUB), party.authentication(), party.encryption(), MailboxApi.trust());
    }

    @BeforeAll
    static void everyonePublishesATokenOverSoap() {
        gp = client(MailboxApi.GP);
        pharmacist = client(MailboxApi.PHARMACIST);
        nurse = client(MailboxApi.NURSE);
        for (MailboxClient client : List.of(gp, pharmacist, nurse)) {
            assertFalse(client.publishToken().isBlank());
        }
    }

    @Test
    void aLetterWithAnAnnexGoesThroughSoapAndIsOpenedReadAndAcknowledged() {
        Letter letter = MailboxIT.letter("via SOAP.");
        MailboxClient.Sent sent = gp.send("soap-" + UUID.randomUUID(), letter, List.of(PHARMACIST),
                new MailboxClient.Options(true, true, true, Optional.empty(), Optional.empty()));
        assertFalse(sent.repeated());

        MailboxClient.MessageInfo listed = pharmacist.list("INBOX").stream().filter(m -> m.id().equals(sent.messageId()))
                .findFirst().orElseThrow();
        assertEquals(MailboxApi.GP.box(), listed.sender().toString());
        assertTrue(listed.important());

        MailboxClient.Received received = pharmacist.read(sent.messageId());
        assertEquals(letter, received.letter(), "subject, body and annex as written");
        assertEquals("72081012378", received.sender().ssin().value(), "the sender verified: the GP");
        assertEquals(letter, gp.read(sent.messageId()).letter(), "the sender opens its own sent copy");

        List<String> kinds = new ArrayList<>();
        for (MailboxClient.Acknowledgment ack : gp.acknowledgments(sent.messageId())) {
            kinds.add(ack.kind());
            assertTrue(Math.abs(ChronoUnit.SECONDS.between(ack.at(), ack.stampedAt())) <= 2, "time-stamped when it happened");
        }
        assertEquals(List.of("PUBLISHED", "RECEIVED", "READ"), kinds, "each time-stamp verified by the client");
        assertTrue(pharmacist.boxInfo().usedBytes() >= listed.size());
    }

    @Test
    void aThirdProfessionalGetsCodedFaultsAndTheMessageStaysWhereItWas() {
        MailboxClient.Sent sent = gp.send("soap-private-" + UUID.randomUUID(), MailboxIT.letter("alleen voor u."),
                List.of(PHARMACIST), MailboxClient.Options.NONE);
        assertEquals("CV-REQ-005", assertThrows(MailboxException.class, () -> nurse.read(sent.messageId())).code());
        assertEquals("CV-REQ-005", assertThrows(MailboxException.class,
                () -> nurse.move(List.of(sent.messageId()), "BININBOX")).code());
        assertEquals("CV-REQ-005", assertThrows(MailboxException.class, () -> nurse.delete(List.of(sent.messageId()))).code());
        assertEquals("CV-REQ-005", assertThrows(MailboxException.class, () -> pharmacist.acknowledgments(sent.messageId()))
                .code(), "receipts are the sender's");
        assertTrue(pharmacist.list("INBOX").stream().anyMatch(m -> m.id().equals(sent.messageId())));
    }

    @Test
    void badInputOverSoapIsRefusedWithTheSameCodesAsOverRest() throws Exception {
        int sentBefore = gp.list("SENTBOX").size();
        assertEquals("CV-MAIL-002", assertThrows(MailboxException.class, () -> gp.send("soap-bad-" + UUID.randomUUID(),
                MailboxIT.letter("x"), List.of(Box.parse("SSIN:00000000097:PHYSICIAN")), MailboxClient.Options.NONE)).code(),
                "the client finds no token to seal for and sends nothing");
        // The hub's own check, for software that sends anyway: a raw signed SendMessage to an unknown box.
        String sealed = java.util.Base64.getEncoder().encodeToString(MailboxIT.sealFor(MailboxApi.GP, MailboxIT.letter("x"),
                MailboxApi.PHARMACIST.box()));
        var unknown = SignedSoap.mailbox("MailboxPublication", "SendMessage", "<c:PublicationId>raw-" + UUID.randomUUID()
                + "</c:PublicationId><c:Recipient><c:Type>SSIN</c:Type><c:Id>00000000097</c:Id><c:Quality>PHYSICIAN</c:Quality>"
                + "</c:Recipient><c:Sealed>" + sealed + "</c:Sealed>", MailboxApi.GP.authentication());
        assertEquals(500, unknown.statusCode());
        assertEquals("CV-MAIL-001", SignedSoap.text(unknown.body(), "Code"));
        assertTrue(SignedSoap.text(unknown.body(), "faultcode").endsWith(":Client"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        assertEquals("CV-MAIL-007", assertThrows(MailboxException.class, () -> pharmacist.move(ids, "BININBOX")).code());
        assertEquals("CV-REQ-002", assertThrows(MailboxException.class, () -> pharmacist.list("TRASH")).code());
        assertEquals(sentBefore, gp.list("SENTBOX").size(), "nothing stored");
    }

    @Test
    void theSameSendRetriedIsNotDuplicated() {
        String publication = "soap-retry-" + UUID.randomUUID();
        Letter letter = MailboxIT.letter("tweemaal verstuurd.");
        MailboxClient.Sent first = gp.send(publication, letter, List.of(PHARMACIST), MailboxClient.Options.NONE);
        // Sealing again gives other bytes: a retry under the same publication id must resend the same bytes, so this is refused.
        MailboxException reused = assertThrows(MailboxException.class,
                () -> gp.send(publication, letter, List.of(PHARMACIST), MailboxClient.Options.NONE));
        assertEquals("CV-MAIL-008", reused.code());
        assertEquals(1, pharmacist.list("INBOX").stream().filter(m -> m.publicationId().equals(publication)).count());
        assertFalse(first.messageId().isBlank());
        assertTrue(Instant.now().isAfter(pharmacist.list("INBOX").get(0).sentAt()));
    }

    @Test
    void aConversationIsFollowedFromAnyOfItsMessagesAsFarAsTheBoxHoldsIt() {
        Box gpBox = Box.parse(MailboxApi.GP.box());
        MailboxClient.Sent question = gp.send("q-" + UUID.randomUUID(), MailboxIT.letter("vraag."), List.of(PHARMACIST),
                MailboxClient.Options.NONE);
        MailboxClient.Sent answer = pharmacist.send("a-" + UUID.randomUUID(), MailboxIT.letter("antwoord."), List.of(gpBox),
                MailboxClient.Options.NONE.answering(question.messageId()));
        MailboxClient.Sent thanks = gp.send("t-" + UUID.randomUUID(), MailboxIT.letter("dank."), List.of(PHARMACIST),
                MailboxClient.Options.NONE.answering(answer.messageId()));
        List<String> expected = List.of(question.messageId(), answer.messageId(), thanks.messageId());
        for (MailboxClient client : List.of(gp, pharmacist)) {
            for (String from : expected) {
                assertEquals(expected, client.history(from).stream().map(MailboxClient.MessageInfo::id).toList());
            }
        }
        assertEquals(question.messageId(), pharmacist.history(answer.messageId()).get(1).inReplyTo().orElseThrow());
        assertEquals("CV-REQ-005", assertThrows(MailboxException.class, () -> nurse.history(question.messageId())).code());
        assertEquals("CV-REQ-005", assertThrows(MailboxException.class, () -> nurse.send("n-" + UUID.randomUUID(),
                MailboxIT.letter("ook ik."), List.of(PHARMACIST), MailboxClient.Options.NONE.answering(question.messageId())))
                .code(), "one answers only a message one holds");
    }

    @Test
    void aNewTokenReplacesTheOldOneAndWhatWasSealedForTheOldOneStaysReadable() {
        // A physician certified by the demo CA (SOAP authenticates by certificate), with two encryption keys over time.
        org.carevault.crypto.pki.CertificateAuthority ca = SoapAuthenticationIT.demoCa();
        String ssin = ConsentApi.newSsin();
        var subject = org.carevault.crypto.identity.CertificateIdentity.person(org.carevault.crypto.identity.Ssin.of(ssin),
                org.carevault.crypto.identity.Nihii.of("10000106004"), "PHYSICIAN", "Dr Rotation").toSubject("CareVault");
        var days = java.time.Duration.ofDays(30);
        var usage = org.carevault.crypto.pki.CertificateAuthority.Usage.PARTY;
        var authentication = ca.issue(subject, days, usage);
        MailboxClient withOldKey = new MailboxClient(URI.create(Stack.HUB), authentication, ca.issue(subject, days, usage),
                MailboxApi.trust());
        MailboxClient withNewKey = new MailboxClient(URI.create(Stack.HUB), authentication, ca.issue(subject, days, usage),
                MailboxApi.trust());
        Box box = new Box("SSIN", ssin, "PHYSICIAN");

        String oldToken = withOldKey.publishToken();
        MailboxClient.Sent before = gp.send("rot-1-" + UUID.randomUUID(), MailboxIT.letter("oude sleutel."), List.of(box),
                MailboxClient.Options.NONE);
        withNewKey.publishToken();
        withOldKey.revokeToken(oldToken);
        assertEquals(1, gp.encryptionCertificates(box).size(), "only the new token is handed out");
        MailboxClient.Sent after = gp.send("rot-2-" + UUID.randomUUID(), MailboxIT.letter("nieuwe sleutel."), List.of(box),
                MailboxClient.Options.NONE);

        assertEquals(MailboxIT.letter("oude sleutel."), withOldKey.read(before.messageId()).letter(),
                "sealed for the old token: still readable with the old key");
        assertEquals(MailboxIT.letter("nieuwe sleutel."), withNewKey.read(after.messageId()).letter());
        assertThrows(org.carevault.crypto.seal.SealException.class, () -> withOldKey.read(after.messageId()),
                "the old key does not open what was sealed for the new token");
    }
}
