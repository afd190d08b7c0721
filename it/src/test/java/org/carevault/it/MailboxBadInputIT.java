package org.carevault.it;

import static org.carevault.it.MailboxApi.GP;
import static org.carevault.it.MailboxApi.MAILBOX;
import static org.carevault.it.MailboxApi.NURSE;
import static org.carevault.it.MailboxApi.PHARMACIST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.etk.EncryptionToken;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.seal.Sealer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the mailbox: each refused with its code, and nothing stored (the sender's sent box and
 * the recipient's inbox are the same size afterwards).
 */
class MailboxBadInputIT {

    @BeforeAll
    static void tokensArePublished() {
        MailboxApi.publish(GP);
        MailboxApi.publish(PHARMACIST);
        MailboxApi.publish(NURSE);
    }

    private static void refusedAndNothingStored(int status, String code, Supplier<HttpResponse<String>> request) {
        long sent = MailboxApi.list(GP, "SENTBOX").size();
        long received = MailboxApi.list(PHARMACIST, "INBOX").size();
        HttpResponse<String> response = request.get();
        assertEquals(status, response.statusCode(), response.body());
        JsonNode problem = Http.json(response);
        assertEquals(code, problem.get("code").asText(), response.body());
        assertEquals(sent, MailboxApi.list(GP, "SENTBOX").size(), "nothing in the sender's box");
        assertEquals(received, MailboxApi.list(PHARMACIST, "INBOX").size(), "nothing in the recipient's box");
    }

    private static String to(String... boxes) {
        return MailboxApi.query("bad-" + UUID.randomUUID(), Map.of(), boxes);
    }

    private static byte[] goodSeal() {
        return MailboxIT.sealFor(GP, MailboxIT.letter("fout."), PHARMACIST.box());
    }

    /** A care provider the demo CA certified but who never published a token. */
    private static Credential stranger(String ssin) {
        CertificateAuthority ca = SoapAuthenticationIT.demoCa();
        return ca.issue(CertificateIdentity.person(Ssin.of(ssin), Nihii.of("10000106004"), "PHYSICIAN", "Dr Stranger")
                .toSubject("CareVault"), Duration.ofDays(30), CertificateAuthority.Usage.PARTY);
    }

    @Test
    void aRecipientTheHubDoesNotKnowIsRefusedBeforeAnythingIsStored() {
        refusedAndNothingStored(404, "CV-MAIL-001", () -> MailboxApi.send(GP, to(PHARMACIST.box(),
                "SSIN:00000000097:PHYSICIAN"), goodSeal()));
    }

    @Test
    void aWithdrawnTokenIsNoLongerHandedOutAndABoxWithoutAValidTokenIsRefused() {
        // The hospital publishes its token, then withdraws it: its box is known, but has no token any more.
        MailboxApi.Party hospital = new MailboxApi.Party("hospital-az", "hospital", "NIHII:71099812:HOSPITAL");
        HttpResponse<String> published = MailboxApi.publish(hospital);
        assertEquals(201, published.statusCode(), published.body());
        String id = Http.json(published).get("id").asText();
        assertEquals(404, Http.delete("/api/v1/etks/" + id, GP.token()).statusCode(), "only its owner withdraws a token");
        assertEquals(204, Http.delete("/api/v1/etks/" + id, hospital.token()).statusCode());
        assertEquals(0, MailboxApi.lookup(GP, hospital.box()).size(), "a withdrawn token is no longer handed out");
        refusedAndNothingStored(422, "CV-MAIL-002", () -> MailboxApi.send(GP, to(PHARMACIST.box(), hospital.box()), goodSeal()));
    }

    @Test
    void aTokenNotSignedByItsOwnerOrForSomeoneElseIsRefused() {
        // Signed by the nurse, published by the GP: the token names another owner than the caller.
        HttpResponse<String> foreign = MailboxApi.postBytes("/api/v1/etks", GP.token(),
                EncryptionToken.create(NURSE.authentication(), NURSE.encryption().certificate()));
        assertEquals(400, foreign.statusCode(), foreign.body());
        assertEquals("CV-MAIL-003", Http.json(foreign).get("code").asText());
        // A certificate from outside the care CA.
        Credential selfMade = CertificateAuthority.createRoot(new X500Principal("CN=Not The Care CA"), Duration.ofDays(30))
                .issue(CertificateIdentity.person(Ssin.of("72081012378"), Nihii.of("12345625004"), "PHYSICIAN", "Jan Peeters")
                        .toSubject("CareVault"), Duration.ofDays(30), CertificateAuthority.Usage.PARTY);
        HttpResponse<String> untrusted = MailboxApi.postBytes("/api/v1/etks", GP.token(),
                EncryptionToken.create(selfMade, selfMade.certificate()));
        assertEquals("CV-MAIL-003", Http.json(untrusted).get("code").asText());
        HttpResponse<String> garbage = MailboxApi.postBytes("/api/v1/etks", GP.token(), new byte[] {1, 2, 3});
        assertEquals("CV-MAIL-003", Http.json(garbage).get("code").asText());
    }

    @Test
    void sealedContentWhoseOuterSignerIsNotTheCallerIsRefused() {
        byte[] byNurse = Sealer.seal(MailboxIT.letter("namens een ander.").encode(), NURSE.authentication(),
                MailboxApi.lookup(GP, PHARMACIST.box()));
        refusedAndNothingStored(400, "CV-MAIL-004", () -> MailboxApi.send(GP, to(PHARMACIST.box()), byNurse));
        byte[] byStranger = Sealer.seal(new byte[] {1}, stranger("00000000196"), MailboxApi.lookup(GP, PHARMACIST.box()));
        refusedAndNothingStored(400, "CV-MAIL-004", () -> MailboxApi.send(GP, to(PHARMACIST.box()), byStranger));
    }

    @Test
    void contentThatIsNotASealedMessageIsRefused() {
        refusedAndNothingStored(400, "CV-MAIL-005", () -> MailboxApi.send(GP, to(PHARMACIST.box()),
                "Dear colleague, in clear".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] tampered = goodSeal();
        tampered[tampered.length / 2] ^= 1;
        refusedAndNothingStored(400, "CV-MAIL-005", () -> MailboxApi.send(GP, to(PHARMACIST.box()), tampered));
    }

    @Test
    void aMessageOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        refusedAndNothingStored(413, "CV-MAIL-006", () -> MailboxApi.send(GP, to(PHARMACIST.box()), big));
    }

    @Test
    void moreThanAHundredIdsInAMoveOrADeletionAreRefused() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add("\"" + UUID.randomUUID() + "\"");
        }
        String list = "[" + String.join(",", ids) + "]";
        refusedAndNothingStored(400, "CV-MAIL-007", () -> Http.postJson(MAILBOX + "/moves", PHARMACIST.token(),
                "{\"ids\":" + list + ",\"folder\":\"BININBOX\"}"));
        refusedAndNothingStored(400, "CV-MAIL-007", () -> Http.postJson(MAILBOX + "/deletions", PHARMACIST.token(),
                "{\"ids\":" + list + "}"));
    }

    @Test
    void malformedRoutingIsRefused() {
        refusedAndNothingStored(400, "CV-REQ-002", () -> MailboxApi.send(GP, to("SSIN:12345678901:PHARMACIST"), goodSeal()));
        refusedAndNothingStored(400, "CV-REQ-002", () -> MailboxApi.send(GP, to("SSIN:85021445650:PATIENT"), goodSeal()));
        refusedAndNothingStored(400, "CV-REQ-002", () -> MailboxApi.send(GP, "to=" + MailboxApi.encode(PHARMACIST.box()),
                goodSeal()));
        refusedAndNothingStored(400, "CV-REQ-002", () -> MailboxApi.send(GP, MailboxApi.query("bad id with spaces", Map.of(),
                PHARMACIST.box()), goodSeal()));
        refusedAndNothingStored(403, "CV-AUTH-004", () -> MailboxApi.send(new MailboxApi.Party("patient.devos", "patient",
                "SSIN:55032001180:PHYSICIAN"), to(PHARMACIST.box()), goodSeal()));
    }
}
