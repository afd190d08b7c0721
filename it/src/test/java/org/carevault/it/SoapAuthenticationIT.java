package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pkcs12;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SOAP authentication over the wire: requests signed with the demo certificates are answered with
 * the signer's identity; every spoiled request is refused with the stable code CV-AUTH-005 and
 * without revealing which check failed.
 */
class SoapAuthenticationIT {

    static Credential demo(String name) {
        return Pkcs12.readCredential(Stack.PKI.resolve(name + ".p12"), Stack.secret("pki.demo-password").toCharArray());
    }

    static CertificateAuthority demoCa() {
        return CertificateAuthority.of(Pkcs12.readCredential(Stack.PKI.resolve("ca.p12"),
                Stack.secret("pki.hub-password").toCharArray()));
    }

    static Stream<Arguments> signers() {
        return Stream.of(
                Arguments.of("gp.peeters", "SSIN", "72081012378", "physician"),
                Arguments.of("pharm.janssens", "SSIN", "85021445650", "pharmacist"),
                Arguments.of("nurse.maes", "SSIN", "90050123412", "nurse"),
                Arguments.of("hospital-az", "NIHII", "71099812", "hospital"));
    }

    @ParameterizedTest(name = "signed by {0}")
    @MethodSource("signers")
    void aSignedRequestIsAnsweredWithTheSignersIdentity(String name, String partyType, String partyId, String role)
            throws Exception {
        HttpResponse<String> response = SignedSoap.post(SignedSoap.signedWhoAmI(demo(name)));

        assertEquals(200, response.statusCode(), response::body);
        assertEquals(partyType, SignedSoap.text(response.body(), "PartyType"));
        assertEquals(partyId, SignedSoap.text(response.body(), "PartyId"));
        assertEquals(role, SignedSoap.text(response.body(), "Role"));
        assertEquals("SOAP", SignedSoap.text(response.body(), "Channel"));
    }

    @Test
    void anUnsignedRequestIsRefused() throws Exception {
        assertSecurityFault(SignedSoap.post(SignedSoap.whoAmIEnvelope()));
    }

    @Test
    void aCertificateFromAnUntrustedCaIsRefused() throws Exception {
        CertificateAuthority rogue = CertificateAuthority.createRoot(new X500Principal("CN=CareVault Demo CA, O=CareVault Demo, C=BE"),
                Duration.ofDays(1));
        X500Principal gpSubject = demo("gp.peeters").certificate().getSubjectX500Principal();
        Credential impostor = rogue.issue(gpSubject, Duration.ofDays(1), CertificateAuthority.Usage.PARTY);
        assertEquals("72081012378", CertificateIdentity.parse(gpSubject).orElseThrow().ssin().value(),
                "the impostor claims the GP's identity");

        assertSecurityFault(SignedSoap.post(SignedSoap.signedWhoAmI(impostor)));
    }

    @Test
    void anExpiredCertificateOfTheTrustedCaIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofDays(30));
        Credential expired = demoCa().issue(demo("gp.peeters").certificate().getSubjectX500Principal(), past,
                past.plus(Duration.ofDays(1)), CertificateAuthority.Usage.PARTY);

        assertSecurityFault(SignedSoap.post(SignedSoap.signedWhoAmI(expired)));
    }

    @Test
    void aBodyAlteredAfterSigningIsRefused() throws Exception {
        String signed = SignedSoap.signedWhoAmI(demo("gp.peeters"));
        String altered = signed.replace("<id:WhoAmIRequest ", "<id:WhoAmIRequest tampered=\"1\" ");
        assertNotEquals(signed, altered, "the body really changed");

        assertSecurityFault(SignedSoap.post(altered));
    }

    @Test
    void aReplayedRequestIsRefused() throws Exception {
        String signed = SignedSoap.signedWhoAmI(demo("nurse.maes"));

        assertEquals(200, SignedSoap.post(signed).statusCode(), "the first delivery is accepted");
        assertSecurityFault(SignedSoap.post(signed));
    }

    @Test
    void aRewrittenTimestampThatIsFreshIsAccepted() throws Exception {
        // The control for the timestamp tests below: rewriting the Timestamp itself does not spoil the request.
        Instant created = Instant.now().minus(Duration.ofSeconds(5));
        String signed = SignedSoap.sign(SignedSoap.whoAmIEnvelope(), demo("gp.peeters"), SignedSoap.RSA_SHA256,
                SignedSoap.timestampAt(created, created.plus(Duration.ofMinutes(5))));

        HttpResponse<String> response = SignedSoap.post(signed);
        assertEquals(200, response.statusCode(), response::body);
    }

    @Test
    void aTrustedCertificateWithoutCareIdentityIsRefused() throws Exception {
        // The hub's own certificate chains to the trusted CA but names no person or organisation.
        Credential hub = Pkcs12.readCredential(Stack.PKI.resolve("hub.p12"), Stack.secret("pki.hub-password").toCharArray());

        assertFault(SignedSoap.post(SignedSoap.signedWhoAmI(hub)), "CV-AUTH-002");
    }

    @Test
    void anExpiredTimestampIsRefused() throws Exception {
        Instant created = Instant.now().minus(Duration.ofMinutes(20));
        String signed = SignedSoap.sign(SignedSoap.whoAmIEnvelope(), demo("gp.peeters"), SignedSoap.RSA_SHA256,
                SignedSoap.timestampAt(created, created.plus(Duration.ofMinutes(5))));

        assertSecurityFault(SignedSoap.post(signed));
    }

    @Test
    void aTimestampOlderThanFiveMinutesIsRefusedEvenIfItClaimsALongLife() throws Exception {
        Instant created = Instant.now().minus(Duration.ofMinutes(10));
        String signed = SignedSoap.sign(SignedSoap.whoAmIEnvelope(), demo("gp.peeters"), SignedSoap.RSA_SHA256,
                SignedSoap.timestampAt(created, Instant.now().plus(Duration.ofHours(1))));

        assertSecurityFault(SignedSoap.post(signed));
    }

    @Test
    void aTimestampFromTheFutureIsRefused() throws Exception {
        Instant created = Instant.now().plus(Duration.ofMinutes(10));
        String signed = SignedSoap.sign(SignedSoap.whoAmIEnvelope(), demo("gp.peeters"), SignedSoap.RSA_SHA256,
                SignedSoap.timestampAt(created, created.plus(Duration.ofMinutes(5))));

        assertSecurityFault(SignedSoap.post(signed));
    }

    @Test
    void anRsaSha1SignatureIsRefused() throws Exception {
        String signed = SignedSoap.sign(SignedSoap.whoAmIEnvelope(), demo("gp.peeters"), SignedSoap.RSA_SHA1, t -> { });

        assertSecurityFault(SignedSoap.post(signed));
    }

    @Test
    void aSecondBodyIsRefused() throws Exception {
        String signed = SignedSoap.signedWhoAmI(demo("gp.peeters"));
        String wrapped = signed.replace("</soap:Envelope>",
                "<soap:Body><id:WhoAmIRequest xmlns:id=\"urn:carevault:ws:identity:v1\"/></soap:Body></soap:Envelope>");

        assertSecurityFault(SignedSoap.post(wrapped));
    }

    @Test
    void aDuplicatedIdIsRefused() throws Exception {
        String signed = SignedSoap.signedWhoAmI(demo("gp.peeters"));
        String bodyId = signed.replaceAll("(?s).*<soap:Body[^>]*wsu:Id=\"([^\"]+)\".*", "$1");
        assertFalse(bodyId.contains("<"), "the body carries a wsu:Id");
        String wrapped = signed.replace("<soap:Header>", "<soap:Header><x:Decoy xmlns:x=\"urn:decoy\" "
                + "xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\" wsu:Id=\""
                + bodyId + "\"/>");

        assertSecurityFault(SignedSoap.post(wrapped));
    }

    /**
     * Signature wrapping: the signed Body (its wsu:Id, its digest intact) moved elsewhere and a different Body put in
     * its place — into the Security header, into another header block, after the Body — is refused like any other
     * signature failure, though the signature itself still verifies over the moved element.
     */
    @Test
    void aSignedBodyMovedAwayFromItsPlaceIsRefused() throws Exception {
        String signed = SignedSoap.signedWhoAmI(demo("gp.peeters"));
        java.util.regex.Matcher body = java.util.regex.Pattern.compile("(?s)<soap:Body[^>]*>.*</soap:Body>").matcher(signed);
        assertTrue(body.find(), signed);
        String signedBody = body.group();
        assertTrue(signedBody.contains("wsu:Id=\""), "the body is signed by its id");
        String decoy = "<soap:Body><id:WhoAmIRequest xmlns:id=\"urn:carevault:ws:identity:v1\"/></soap:Body>";
        String withDecoy = signed.replace(signedBody, decoy);
        String securityEnd = withDecoy.replaceAll("(?s).*(</[A-Za-z0-9]+:Security>).*", "$1");
        assertTrue(securityEnd.startsWith("</") && securityEnd.length() < 40, "the Security header ends: " + securityEnd);

        String inSecurity = withDecoy.replace(securityEnd, signedBody + securityEnd);
        String inAnotherHeader = withDecoy.replace("<soap:Header>", "<soap:Header><x:Routing xmlns:x=\"urn:example:routing\">"
                + signedBody + "</x:Routing>");
        String afterTheBody = withDecoy.replace(decoy, decoy + "<x:Extra xmlns:x=\"urn:example:extra\">" + signedBody + "</x:Extra>");
        for (String wrapped : List.of(inSecurity, inAnotherHeader, afterTheBody)) {
            assertSecurityFault(SignedSoap.post(wrapped));
        }
        assertEquals(200, SignedSoap.post(signed).statusCode(), "the message as signed is accepted");
    }

    /** A SOAP fault with the stable code, saying nothing of which check failed. */
    static void assertSecurityFault(HttpResponse<String> response) throws Exception {
        assertFault(response, "CV-AUTH-005");
        String reason = SignedSoap.text(response.body(), "faultstring").toLowerCase(Locale.ROOT);
        for (String leak : new String[] {"certificate", "signature", "timestamp", "expired", "trust", "replay", "policy", "exception"}) {
            assertFalse(reason.contains(leak), () -> "the fault reveals '" + leak + "': " + reason);
        }
    }

    static void assertFault(HttpResponse<String> response, String code) throws Exception {
        assertEquals(500, response.statusCode(), response::body);
        assertTrue(response.body().contains("Fault"), response::body);
        assertEquals(code, SignedSoap.text(response.body(), "Code"), response::body);
        // soap:Client or a WS-Security code (wsse:InvalidSecurity …): never soap:Server for a refused request
        assertFalse(SignedSoap.text(response.body(), "faultcode").endsWith(":Server"), "the sender is at fault: " + response.body());
        assertFalse(response.body().contains("at org."), "no stack trace");
    }
}
