package org.carevault.sts;

import org.carevault.crypto.identity.EHealthAttributes;
import org.carevault.crypto.identity.EHealthAttributes.Quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The STS's answers to requests made as the e-Contract client makes them (WS-Security over Body, BinarySecurityToken and
 * Timestamp with RSA-SHA1; the samlp:Request enveloped-signed by the holder-of-key), and to each way one can be wrong.
 */
class SamlRequestHandlerTest {

    private static final String WSSE = WSConstants.WSSE_NS;

    private static CertificateAuthority ca;
    private static Credential gp;
    private static Credential sts;
    private static SamlRequestHandler handler;

    @BeforeAll
    static void anStsTrustingTheDemoCa() throws Exception {
        ca = CertificateAuthority.createRoot(new X500Principal("CN=Demo CA, O=CareVault, C=BE"), Duration.ofDays(30));
        gp = ca.issue(CertificateIdentity.person(Ssin.of("72081012378"), Nihii.of("12345625004"), "PHYSICIAN", "Jan Peeters")
                .toSubject("Demo"), Duration.ofDays(30), CertificateAuthority.Usage.PARTY);
        sts = ca.issue(new X500Principal("CN=Demo STS, O=CareVault, C=BE"), Duration.ofDays(30),
                CertificateAuthority.Usage.PARTY);
        KeyStore stsKeys = KeyStore.getInstance("PKCS12");
        stsKeys.load(null, null);
        stsKeys.setKeyEntry("sts", sts.privateKey(), "secret".toCharArray(), sts.chain().toArray(Certificate[]::new));
        handler = new SamlRequestHandler(new AssertionIssuer("urn:carevault:demo-sts", stsKeys, "sts", "secret",
                Duration.ofHours(1), Clock.systemUTC()), trusting(ca), Clock.systemUTC());
    }

    private static Crypto trusting(CertificateAuthority authority) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", authority.certificate());
        Merlin merlin = new Merlin();
        merlin.setTrustStore(anchors);
        return merlin;
    }

    private static Crypto signing(Credential credential) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("me", credential.privateKey(), "pw".toCharArray(), credential.chain().toArray(Certificate[]::new));
        Merlin merlin = new Merlin();
        merlin.setKeyStore(keys);
        return merlin;
    }

    /** The samlp:Request the e-Contract client sends, enveloped-signed by {@code holder}. */
    private static Document request(Credential holder, String... designators) throws Exception {
        return requestWithId(holder, "request-1", designators);
    }

    private static Document requestWithId(Credential holder, String id, String... designators) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().newDocument();
        Element envelope = document.createElementNS(SamlRequestHandler.SOAP11, "soap:Envelope");
        document.appendChild(envelope);
        Element body = document.createElementNS(SamlRequestHandler.SOAP11, "soap:Body");
        envelope.appendChild(body);
        Element request = document.createElementNS(SamlRequestHandler.SAMLP, "samlp:Request");
        request.setAttribute("MajorVersion", "1");
        request.setAttribute("MinorVersion", "1");
        request.setAttribute("RequestID", id);
        request.setAttribute("IssueInstant", Instant.now().toString());
        body.appendChild(request);
        Element query = document.createElementNS(SamlRequestHandler.SAMLP, "samlp:AttributeQuery");
        request.appendChild(query);
        for (String designator : designators) {
            String[] parts = designator.split("\\|");
            Element element = document.createElementNS(SamlRequestHandler.SAML, "saml:AttributeDesignator");
            element.setAttribute("AttributeNamespace", parts[0]);
            element.setAttribute("AttributeName", parts[1]);
            query.appendChild(element);
        }
        request.setIdAttribute("RequestID", true);
        XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        request.insertBefore(signature.getElement(), query);
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("#" + id, transforms, Constants.ALGO_ID_DIGEST_SHA1);
        signature.addKeyInfo(holder.certificate());
        signature.sign(holder.privateKey());
        return document;
    }

    /** The WS-Security header the e-Contract client adds: Timestamp, BinarySecurityToken, RSA-SHA1 over all three. */
    private static Document secured(Document document, Credential signer, Instant created) throws Exception {
        WSSecHeader header = new WSSecHeader(document);
        header.insertSecurityHeader();
        WSSecTimestamp timestamp = new WSSecTimestamp(header);
        timestamp.setTimeToLive(60);
        timestamp.setWsTimeSource(() -> created);
        timestamp.build();
        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo("me", "pw");
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(WSConstants.RSA_SHA1);
        signature.setDigestAlgo(WSConstants.SHA1);
        signature.getParts().add(new WSEncryptionPart("Body", SamlRequestHandler.SOAP11, ""));
        signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
        signature.build(signing(signer));
        return document;
    }

    private static final String DOCTOR = EHealthAttributes.CERTIFIED + "|" + Quality.DOCTOR.booleanAttribute();
    private static final String SSIN = EHealthAttributes.IDENTIFICATION + "|" + EHealthAttributes.PERSON_SSIN;

    private static Element response(Document answer) {
        Element response = (Element) answer.getElementsByTagNameNS(SamlRequestHandler.SAMLP, "Response").item(0);
        assertEquals("1", response.getAttribute("MajorVersion"));
        return response;
    }

    private static String status(Document answer) {
        Element response = response(answer);
        Element code = (Element) response.getElementsByTagNameNS(SamlRequestHandler.SAMLP, "StatusCode").item(0);
        Element message = (Element) response.getElementsByTagNameNS(SamlRequestHandler.SAMLP, "StatusMessage").item(0);
        return code.getAttribute("Value") + (message == null ? "" : " " + message.getTextContent().split(" ")[0]);
    }

    @Test
    void aCareProviderGetsAnAssertionHeldByTheRequestsKey() throws Exception {
        Document answer = handler.answer(secured(request(gp, SSIN, DOCTOR), gp, Instant.now()));
        assertEquals("samlp:Success", status(answer));
        assertEquals("request-1", response(answer).getAttribute("InResponseTo"));
        Element assertion = (Element) answer.getElementsByTagNameNS(SamlRequestHandler.SAML, "Assertion").item(0);
        assertEquals("urn:carevault:demo-sts", assertion.getAttribute("Issuer"));
        String key = assertion.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate").item(0)
                .getTextContent();
        assertEquals(gp.certificate(), java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(Base64.getMimeDecoder().decode(key))));
        List<String> values = new java.util.ArrayList<>();
        var nodes = assertion.getElementsByTagNameNS(SamlRequestHandler.SAML, "AttributeValue");
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        assertEquals(List.of("72081012378", "true"), values);
    }

    @Test
    void aRecognisedHospitalGetsItsNihiiAndNoPersonsAttribute() throws Exception {
        Credential hospital = ca.issue(CertificateIdentity.organisation(Nihii.of("71099812"), "HOSPITAL", "AZ Demo")
                .toSubject("Demo"), Duration.ofDays(30), CertificateAuthority.Usage.PARTY);
        Document answer = handler.answer(secured(request(hospital,
                EhealthDesignators.HOSPITAL_NIHII, EhealthDesignators.HOSPITAL_RECOGNISED, EhealthDesignators.HOSPITAL_NIHII11,
                SSIN, DOCTOR), hospital, Instant.now()));
        assertEquals("samlp:Success", status(answer));
        List<String> values = new java.util.ArrayList<>();
        var nodes = answer.getElementsByTagNameNS(SamlRequestHandler.SAML, "AttributeValue");
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        assertEquals(List.of("71099812", "true", "71099812000", "false"), values, "no SSIN; not a doctor");
        Credential lab = ca.issue(CertificateIdentity.organisation(Nihii.of("71099812"), "LABORATORY", "Labo Demo")
                .toSubject("Demo"), Duration.ofDays(30), CertificateAuthority.Usage.PARTY);
        assertEquals("samlp:Requester CV-STS-004", status(handler.answer(secured(request(lab,
                EhealthDesignators.HOSPITAL_NIHII), lab, Instant.now()))), "only hospitals among organisations");
    }

    /** The hospital designators, as {@code namespace|name}. */
    private static final class EhealthDesignators {
        static final String HOSPITAL_NIHII = EHealthAttributes.IDENTIFICATION + "|" + EHealthAttributes.HOSPITAL_NIHII;
        static final String HOSPITAL_RECOGNISED = EHealthAttributes.CERTIFIED + "|" + EHealthAttributes.HOSPITAL_RECOGNISED;
        static final String HOSPITAL_NIHII11 = EHealthAttributes.CERTIFIED + "|" + EHealthAttributes.HOSPITAL_NIHII11;
    }

    @Test
    void aChangedBodyIsRefused() throws Exception {
        Document secured = secured(request(gp, SSIN, DOCTOR), gp, Instant.now());
        Element designator = (Element) secured.getElementsByTagNameNS(SamlRequestHandler.SAML, "AttributeDesignator").item(0);
        designator.setAttribute("AttributeName", "urn:be:fgov:person:ssin:pharmacist:boolean");
        assertEquals("samlp:Requester CV-STS-002", status(handler.answer(secured)));
    }

    @Test
    void aSignerFromAnotherCaIsRefused() throws Exception {
        CertificateAuthority other = CertificateAuthority.createRoot(new X500Principal("CN=Other CA, C=BE"), Duration.ofDays(1));
        Credential stranger = other.issue(gp.certificate().getSubjectX500Principal(), Duration.ofDays(1),
                CertificateAuthority.Usage.PARTY);
        assertEquals("samlp:Requester CV-STS-002", status(handler.answer(secured(request(stranger, SSIN), stranger,
                Instant.now()))));
    }

    /**
     * Signature wrapping: someone who captured the GP's request moves its signed Body into the header and puts in its
     * place a request signed by their own key, hoping for an assertion about the GP held by that key. The signed Body
     * still verifies where it now is; the Body acted on is not the one signed, so it is refused.
     */
    @Test
    void aSignedBodyMovedAsideForAnotherRequestIsRefused() throws Exception {
        Document secured = secured(request(gp, SSIN, DOCTOR), gp, Instant.now());
        Element envelope = secured.getDocumentElement();
        Element signedBody = (Element) secured.getElementsByTagNameNS(SamlRequestHandler.SOAP11, "Body").item(0);
        Element header = (Element) secured.getElementsByTagNameNS(SamlRequestHandler.SOAP11, "Header").item(0);
        Element wrapper = secured.createElementNS("urn:example:wrapper", "w:Wrapper");
        header.appendChild(wrapper);
        wrapper.appendChild(signedBody);
        Credential attacker = CertificateAuthority.createRoot(new X500Principal("CN=Attacker"), Duration.ofDays(1)).credential();
        Element attackersRequest = (Element) requestWithId(attacker, "request-2", SSIN, DOCTOR)
                .getElementsByTagNameNS(SamlRequestHandler.SAMLP, "Request").item(0);
        Element decoy = secured.createElementNS(SamlRequestHandler.SOAP11, "soap:Body");
        decoy.appendChild(secured.importNode(attackersRequest, true));
        envelope.appendChild(decoy);
        assertEquals("samlp:Requester CV-STS-002", status(handler.answer(secured)));
    }

    @Test
    void anExpiredTimestampIsRefused() throws Exception {
        assertEquals("samlp:Requester CV-STS-002", status(handler.answer(secured(request(gp, SSIN), gp,
                Instant.now().minus(Duration.ofMinutes(10))))));
    }

    @Test
    void noWsSecurityIsRefused() throws Exception {
        assertEquals("samlp:Requester CV-STS-002", status(handler.answer(request(gp, SSIN))));
    }

    @Test
    void aRequestNotSignedByItsHolderKeyIsRefused() throws Exception {
        Document document = request(gp, SSIN, DOCTOR);
        // Changed after the holder signed it, before the authentication signature: WS-Security holds, the request not.
        Element designator = (Element) document.getElementsByTagNameNS(SamlRequestHandler.SAML, "AttributeDesignator").item(1);
        designator.setAttribute("AttributeName", "urn:be:fgov:person:ssin:nurse:boolean");
        assertEquals("samlp:Requester CV-STS-003", status(handler.answer(secured(document, gp, Instant.now()))));
    }

    @Test
    void aBodyThatIsNoSamlRequestIsRefused() throws Exception {
        Document document = request(gp, SSIN);
        Element request = (Element) document.getElementsByTagNameNS(SamlRequestHandler.SAMLP, "Request").item(0);
        document.renameNode(request, WSSE, "wsse:Other");
        assertTrue(status(handler.answer(secured(document, gp, Instant.now()))).endsWith("CV-STS-001"));
    }
}
