package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.carevault.client.SoapSigner;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pkcs12;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The eHealth way of authenticating, refused in every way it can be wrong: IntraHub requests carrying a SAML 1.1
 * holder-of-key assertion, built here as the eHealth STS writes them and signed with the demo STS's key (the test
 * stack's, like any other demo key) or another, in a WS-Security header signed over Body and Timestamp. The control is
 * answered; each spoiled request gets a SOAP fault with its code and no answer — unsigned, no assertion, an assertion
 * from an STS the hub does not trust (signed by a key that chains to the demo CA but is not the STS's), expired, for
 * another audience, signed by another key than the holder's, altered after the STS signed it, naming another person
 * or a quality the certificate does not hold, replayed, or signed with SHA-1. Runs without ../shared.
 */
class SamlAuthenticationIT {

    private static final String SAML = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String GP_SSIN = "72081012378";

    private static Credential sts;
    private static Credential gp;
    private static Credential nurse;
    private static String patient;

    @BeforeAll
    static void keys() {
        org.apache.xml.security.Init.init();
        sts = Pkcs12.readCredential(Stack.PKI.resolve("sts.p12"), Stack.secret("pki.hub-password").toCharArray());
        gp = SoapAuthenticationIT.demo("gp.peeters");
        nurse = SoapAuthenticationIT.demo("nurse.maes");
        patient = ConsentApi.patientOfThePhysician()[0];
    }

    @Test
    void theControlIsAnswered() throws Exception {
        HttpResponse<String> answer = send(signedBy(gp, assertion(gp.certificate(), a -> a, sts), SignedSoap.RSA_SHA256));
        assertEquals(200, answer.statusCode(), answer::body);
        Element response = SoapSigner.parse(answer.body()).getDocumentElement();
        assertEquals(1, response.getElementsByTagNameNS(IntraHubIT.CORE, "latestupdatelist").getLength(), answer.body());
        IntraHubIT.assertComplete(response);
    }

    @Test
    void withoutASignatureOrAnAssertion() throws Exception {
        refused("CV-AUTH-005", unsigned(assertion(gp.certificate(), a -> a, sts)), "unsigned");
        refused("CV-AUTH-005", SignedSoap.sign(envelope(), gp, SignedSoap.RSA_SHA256, timestamp -> { }), "no assertion");
    }

    @Test
    void anAssertionFromAnUntrustedStsOrNotValidNow() throws Exception {
        refused("CV-AUTH-006", signedBy(gp, assertion(gp.certificate(), a -> a, nurse), SignedSoap.RSA_SHA256),
                "signed by a key of the demo CA that is not the STS's");
        refused("CV-AUTH-007", signedBy(gp, assertion(gp.certificate(), validity(Instant.now().minus(Duration.ofHours(9)),
                Instant.now().minus(Duration.ofHours(1))), sts), SignedSoap.RSA_SHA256), "expired");
        refused("CV-AUTH-007", signedBy(gp, assertion(gp.certificate(), validity(Instant.now().plus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(9))), sts), SignedSoap.RSA_SHA256), "not yet valid");
        refused("CV-AUTH-005", signedBy(gp, assertion(gp.certificate(), a -> a.replace("<saml:AuthenticationStatement",
                "<saml:AudienceRestrictionCondition><saml:Audience>urn:another:hub</saml:Audience>"
                        + "</saml:AudienceRestrictionCondition></saml:Conditions><saml:AuthenticationStatement")
                .replace("\"/><saml:AudienceRestrictionCondition>", "\"><saml:AudienceRestrictionCondition>"), sts),
                SignedSoap.RSA_SHA256), "for another audience");
    }

    @Test
    void signedByAnotherKeyThanTheHolders() throws Exception {
        refused("CV-AUTH-008", signedBy(nurse, assertion(gp.certificate(), a -> a, sts), SignedSoap.RSA_SHA256),
                "the GP's assertion, the nurse's signature");
    }

    @Test
    void attributesAlteredOrNotTheCertificates() throws Exception {
        String assertion = assertion(gp.certificate(), a -> a, sts);
        refused("CV-AUTH-005", signedBy(gp, assertion.replace(">" + GP_SSIN + "<", ">85021445650<"), SignedSoap.RSA_SHA256),
                "the SSIN changed after the STS signed");
        refused("CV-AUTH-009", signedBy(gp, assertion(gp.certificate(), a -> a.replace(">" + GP_SSIN + "<", ">85021445650<"),
                sts), SignedSoap.RSA_SHA256), "the STS names another person than the certificate");
        refused("CV-AUTH-009", signedBy(gp, assertion(gp.certificate(), a -> a.replace("doctor:boolean", "nurse:boolean"),
                sts), SignedSoap.RSA_SHA256), "a quality the certificate does not hold");
    }

    @Test
    void aHospitalIsAnsweredOnlyUnderItsOwnRecognisedNihii() throws Exception {
        Credential hospital = SoapAuthenticationIT.demo("hospital-az");
        assertEquals(200, send(signedBy(hospital, assertion(hospital.certificate(), asHospital("71099812", "true"), sts),
                SignedSoap.RSA_SHA256)).statusCode(), "the demo hospital, recognised");
        refused("CV-AUTH-009", signedBy(hospital, assertion(hospital.certificate(), asHospital("71000436", "true"), sts),
                SignedSoap.RSA_SHA256), "another hospital's number");
        refused("CV-AUTH-009", signedBy(hospital, assertion(hospital.certificate(), asHospital("71099812", "false"), sts),
                SignedSoap.RSA_SHA256), "not recognised as a hospital");
        refused("CV-AUTH-009", signedBy(hospital, assertion(hospital.certificate(), a -> a, sts), SignedSoap.RSA_SHA256),
                "a person's attributes for a hospital's certificate");
    }

    /** The assertion's attributes replaced by a hospital's: its NIHII number, recognised or not. */
    private static UnaryOperator<String> asHospital(String nihii, String recognised) {
        String statement = "<saml:Attribute AttributeName=\"urn:be:fgov:ehealth:1.0:certificateholder:hospital:nihii-number\""
                + " AttributeNamespace=\"urn:be:fgov:identification-namespace\"><saml:AttributeValue>" + nihii
                + "</saml:AttributeValue></saml:Attribute><saml:Attribute AttributeName=\"urn:be:fgov:ehealth:1.0:"
                + "certificateholder:hospital:nihii-number:recognisedhospital:boolean\" AttributeNamespace=\"urn:be:fgov:"
                + "certified-namespace:ehealth\"><saml:AttributeValue>" + recognised + "</saml:AttributeValue></saml:Attribute>";
        return a -> a.substring(0, a.indexOf("<saml:Attribute ")) + statement + a.substring(a.indexOf("</saml:AttributeStatement>"));
    }

    @Test
    void replayedOrSignedWithSha1() throws Exception {
        String request = signedBy(gp, assertion(gp.certificate(), a -> a, sts), SignedSoap.RSA_SHA256);
        assertEquals(200, send(request).statusCode());
        refused("CV-AUTH-005", request, "the same request again");
        refused("CV-AUTH-005", signedBy(gp, assertion(gp.certificate(), a -> a, sts), SignedSoap.RSA_SHA1), "RSA-SHA1");
    }

    /**
     * An IntraHub request by the demo GP, authenticated the eHealth way with an assertion of the test stack's STS:
     * {@code body} is the request element.
     */
    static HttpResponse<String> asTheGp(String body) throws Exception {
        return as(MailboxApi.GP, ContractClient.INTRAHUB, body, "");
    }

    /**
     * A request by a demo professional to an eHealth contract's endpoint, signed the eHealth way (Timestamp and Body
     * signed with the key of the holder of an assertion of the test stack's STS, which is in the header).
     */
    static HttpResponse<String> as(MailboxApi.Party party, String url, String body, String soapAction) throws Exception {
        return Http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"" + soapAction + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(signedAs(party, body))));
    }

    /** The envelope of {@code body}, signed the eHealth way by the demo professional. */
    static String signedAs(MailboxApi.Party party, String body) throws Exception {
        String assertion = assertionFor(party);
        return SignedSoap.sign(SoapSigner.envelope(body), party.authentication(), SignedSoap.RSA_SHA256, timestamp -> timestamp
                .getParentNode().appendChild(timestamp.getOwnerDocument().importNode(
                        SoapSigner.parse(assertion).getDocumentElement(), true)));
    }

    /** An assertion of the test stack's STS for the demo professional: their SSIN and quality (eHealth's words). */
    static String assertionFor(MailboxApi.Party party) throws Exception {
        Credential key = party.authentication();
        Credential stsKey = Pkcs12.readCredential(Stack.PKI.resolve("sts.p12"), Stack.secret("pki.hub-password").toCharArray());
        String ssin = party.box().split(":")[1];
        String quality = switch (party.role()) {
            case "physician" -> "doctor";
            default -> party.role();
        };
        return assertion(key.certificate(), a -> a.replace(">" + GP_SSIN + "<", ">" + ssin + "<")
                .replace("ssin:doctor:boolean", "ssin:" + quality + ":boolean"), stsKey);
    }

    private static void refused(String code, String request, String why) {
        HttpResponse<String> answer = send(request);
        assertEquals(500, answer.statusCode(), why + ": " + answer.body());
        String fault = SignedSoap.parse(answer.body()).getElementsByTagNameNS("*", "faultstring").item(0).getTextContent();
        assertTrue(fault.startsWith(code + " "), why + ": " + fault);
        assertFalse(answer.body().contains("latestupdatelist"), why);
    }

    private static HttpResponse<String> send(String request) {
        return Http.send(HttpRequest.newBuilder(URI.create(ContractClient.INTRAHUB))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(request)));
    }

    private static String envelope() {
        return SoapSigner.envelope(IntraHubIT.request("GetLatestUpdate", "<core:select><core:criteria><core:patient>"
                + "<core:id S=\"ID-PATIENT\" SV=\"1.0\">" + patient + "</core:id></core:patient><core:cd S=\"CD-TRANSACTION\""
                + " SV=\"1.0\">medicationscheme</core:cd></core:criteria></core:select>"));
    }

    /** The request signed by {@code signer} (its certificate as a BinarySecurityToken), the assertion in the header. */
    private static String signedBy(Credential signer, String assertion, String algorithm) {
        return SignedSoap.sign(envelope(), signer, algorithm, timestamp -> timestamp.getParentNode().appendChild(
                timestamp.getOwnerDocument().importNode(SoapSigner.parse(assertion).getDocumentElement(), true)));
    }

    /** A Timestamp and the assertion, no signature. */
    private static String unsigned(String assertion) throws Exception {
        Document document = SoapSigner.parse(envelope());
        WSSecHeader header = new WSSecHeader(document);
        header.insertSecurityHeader();
        WSSecTimestamp timestamp = new WSSecTimestamp(header);
        timestamp.setTimeToLive(300);
        timestamp.build();
        header.getSecurityHeaderElement().appendChild(document.importNode(SoapSigner.parse(assertion).getDocumentElement(), true));
        var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        var out = new java.io.StringWriter();
        transformer.transform(new javax.xml.transform.dom.DOMSource(document), new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }

    private static UnaryOperator<String> validity(Instant notBefore, Instant notOnOrAfter) {
        return a -> a.replaceFirst("NotBefore=\"[^\"]+\"", "NotBefore=\"" + notBefore.truncatedTo(ChronoUnit.SECONDS) + "\"")
                .replaceFirst("NotOnOrAfter=\"[^\"]+\"", "NotOnOrAfter=\"" + notOnOrAfter.truncatedTo(ChronoUnit.SECONDS) + "\"");
    }

    /**
     * A SAML 1.1 holder-of-key assertion as the eHealth STS writes one for the GP (SSIN and the doctor quality), valid
     * for eight hours, {@code change}d, then enveloped-signed by {@code issuer} (RSA-SHA256, exclusive c14n).
     */
    static String assertion(X509Certificate holder, UnaryOperator<String> change, Credential issuer) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = "_" + UUID.randomUUID().toString().replace("-", "");
        String name = holder.getSubjectX500Principal().getName().replace("&", "&amp;").replace("<", "&lt;");
        String subject = "<saml:Subject><saml:NameIdentifier Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName\">"
                + name + "</saml:NameIdentifier><saml:SubjectConfirmation><saml:ConfirmationMethod>"
                + "urn:oasis:names:tc:SAML:1.0:cm:holder-of-key</saml:ConfirmationMethod><ds:KeyInfo xmlns:ds=\"" + DSIG + "\">"
                + "<ds:X509Data><ds:X509Certificate>" + Base64.getEncoder().encodeToString(holder.getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></saml:SubjectConfirmation></saml:Subject>";
        String xml = "<saml:Assertion xmlns:saml=\"" + SAML + "\" MajorVersion=\"1\" MinorVersion=\"1\" AssertionID=\"" + id
                + "\" Issuer=\"urn:carevault:demo-sts\" IssueInstant=\"" + now + "\"><saml:Conditions NotBefore=\"" + now
                + "\" NotOnOrAfter=\"" + now.plus(Duration.ofHours(8)) + "\"/><saml:AuthenticationStatement"
                + " AuthenticationMethod=\"urn:oasis:names:tc:SAML:1.0:am:X509-PKI\" AuthenticationInstant=\"" + now + "\">"
                + subject + "</saml:AuthenticationStatement><saml:AttributeStatement>" + subject
                + "<saml:Attribute AttributeName=\"urn:be:fgov:person:ssin\" AttributeNamespace=\"urn:be:fgov:identification-namespace\">"
                + "<saml:AttributeValue>" + GP_SSIN + "</saml:AttributeValue></saml:Attribute>"
                + "<saml:Attribute AttributeName=\"urn:be:fgov:person:ssin:doctor:boolean\""
                + " AttributeNamespace=\"urn:be:fgov:certified-namespace:ehealth\"><saml:AttributeValue>true</saml:AttributeValue>"
                + "</saml:Attribute></saml:AttributeStatement></saml:Assertion>";
        Document document = SoapSigner.parse(change.apply(xml));
        Element assertion = document.getDocumentElement();
        assertion.setIdAttributeNS(null, "AssertionID", true);
        XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        assertion.appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("#" + id, transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
        signature.addKeyInfo(issuer.certificate());
        signature.sign(issuer.privateKey());
        var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
        var out = new java.io.StringWriter();
        transformer.transform(new javax.xml.transform.dom.DOMSource(document), new javax.xml.transform.stream.StreamResult(out));
        return out.toString();
    }
}
