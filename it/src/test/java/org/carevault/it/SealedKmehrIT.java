package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.carevault.client.SoapSigner;
import org.carevault.crypto.etk.EncryptionToken;
import org.carevault.crypto.seal.Sealer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * IntraHub v3 with sealed KMEHR, as the eHealth connector sends it: the folder replaced by {@code Base64EncryptedData}
 * (CMS), sealed by the caller to the hub's encryption token, which the software finds in the hub's key directory under
 * the hub's identifier and verifies itself. The hub opens it, stores the scheme through the same decision, answers in
 * clear; a seal by another than the caller, one not addressed to the hub, or no seal at all is refused with its code
 * and nothing is stored. Runs without ../shared.
 */
class SealedKmehrIT {

    /** The demo hub's subject: the name its token's certificates carry (docs/interop.md). */
    private static final X500Principal HUB = new X500Principal("CN=CareVault Hub, O=CareVault Demo, C=BE");

    private static X509Certificate hub;

    @BeforeAll
    static void theHubsTokenFromItsKeyDirectory() {
        HttpResponse<String> answer = Http.get("/api/v1/etks/hub", MailboxApi.GP.token());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode etk = Http.json(answer);
        assertEquals("CBE", etk.get("type").asText());
        assertEquals("0000000196", etk.get("value").asText());
        assertEquals("CAREVAULT", etk.get("application").asText());
        hub = EncryptionToken.verifyService(Base64.getDecoder().decode(etk.get("token").asText()), HUB, MailboxApi.trust(),
                Instant.now());
        MailboxApi.publish(MailboxApi.GP);
    }

    @Test
    void aSchemeSealedToTheHubIsOpenedStoredAndAnsweredInClear() throws Exception {
        String ssin = ConsentApi.patientOfThePhysician()[0];
        String kmehr = SchemeMessages.scheme(ssin, "1", List.of(SchemeMessages.Element.of("Amlodipine 5 mg verzegeld")));
        Element put = put(kmehr, Sealer.seal(kmehr.getBytes(StandardCharsets.UTF_8), MailboxApi.GP.authentication(), List.of(hub)));
        IntraHubIT.assertComplete(put);
        assertTrue(IntraHubIT.descendants(put, IntraHubIT.CORE, "id").stream()
                .anyMatch(id -> "carevault".equals(id.getAttribute("SL"))), "vault ids answered");

        Element read = answer("GetTransactionSet", "<core:select><core:patient><core:id S=\"ID-PATIENT\" SV=\"1.0\">" + ssin
                + "</core:id></core:patient><core:transaction><core:id S=\"ID-KMEHR\" SV=\"1.0\">1</core:id>"
                + "<core:cd S=\"CD-TRANSACTION\" SV=\"1.0\">medicationscheme</core:cd></core:transaction></core:select>");
        IntraHubIT.assertComplete(read);
        assertTrue(read.getTextContent().contains("Amlodipine 5 mg verzegeld"), "answered in clear");
    }

    @Test
    void aSealByAnotherNotToTheHubOrNoneIsRefusedAndNothingIsStored() throws Exception {
        String ssin = ConsentApi.patientOfThePhysician()[0];
        String kmehr = SchemeMessages.scheme(ssin, "1", List.of(SchemeMessages.Element.of("Nooit opgeslagen")));
        String folder = kmehr.substring(kmehr.indexOf("<folder>"), kmehr.indexOf("</folder>") + "</folder>".length())
                .replace("<folder>", "<folder xmlns=\"" + IntraHubIT.KMEHR + "\">");
        byte[] content = folder.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("CV-MAIL-004"), IntraHubIT.errors(put(kmehr, Sealer.seal(content, MailboxApi.NURSE.authentication(),
                List.of(hub)))), "sealed by the nurse, sent by the GP");
        assertEquals(List.of("CV-MAIL-005"), IntraHubIT.errors(put(kmehr, Sealer.seal(content, MailboxApi.GP.authentication(),
                List.of(MailboxApi.GP.encryption().certificate())))), "sealed to the GP, not to the hub");
        assertEquals(List.of("CV-MAIL-005"), IntraHubIT.errors(put(kmehr, content)), "not a seal at all");
        Element latest = answer("GetLatestUpdate", "<core:select><core:criteria><core:patient><core:id S=\"ID-PATIENT\" SV=\"1.0\">"
                + ssin + "</core:id></core:patient><core:cd S=\"CD-TRANSACTION\" SV=\"1.0\">medicationscheme</core:cd>"
                + "</core:criteria></core:select>");
        IntraHubIT.assertComplete(latest);
        assertTrue(IntraHubIT.descendants(latest, IntraHubIT.CORE, "latestupdate").isEmpty(), "no scheme stored");
    }

    /** PutTransactionSet of the message's header with its folder sealed: {@code Base64EncryptedData}, method CMS. */
    private static Element put(String kmehr, byte[] sealed) throws Exception {
        String body = IntraHubIT.body(kmehr);
        String header = body.substring(0, body.indexOf("</header>") + "</header>".length());
        return answer("PutTransactionSet", "<core:kmehrmessage xmlns=\"" + IntraHubIT.KMEHR + "\">" + header
                + "<Base64EncryptedData><cd S=\"CD-ENCRYPTION-METHOD\" SV=\"1.0\">CMS</cd><Base64EncryptedValue>"
                + Base64.getEncoder().encodeToString(sealed) + "</Base64EncryptedValue></Base64EncryptedData></core:kmehrmessage>");
    }

    private static Element answer(String operation, String inner) throws Exception {
        HttpResponse<String> answer = SamlAuthenticationIT.asTheGp(IntraHubIT.request(operation, inner));
        assertEquals(200, answer.statusCode(), answer.body());
        Element response = SoapSigner.parse(answer.body()).getDocumentElement();
        return IntraHubIT.descendants(response, "http://www.ehealth.fgov.be/hubservices/protocol/v3", operation + "Response").get(0);
    }
}
