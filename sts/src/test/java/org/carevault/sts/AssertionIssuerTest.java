package org.carevault.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.signature.XMLSignature;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.sts.AssertionIssuer.Designator;
import org.carevault.sts.AssertionIssuer.Holder;
import org.carevault.crypto.identity.EHealthAttributes;
import org.carevault.crypto.identity.EHealthAttributes.Quality;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The assertion the demo STS issues: SAML 1.1, holder-of-key, the attributes asked for, signed by the STS. */
class AssertionIssuerTest {

    private static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private static Credential sts;
    private static Credential gp;
    private static AssertionIssuer issuer;

    @BeforeAll
    static void anStsAndAGp() throws Exception {
        org.apache.xml.security.Init.init();
        CertificateAuthority ca = CertificateAuthority.createRoot(new X500Principal("CN=Demo CA, O=CareVault, C=BE"),
                Duration.ofDays(30));
        sts = ca.issue(new X500Principal("CN=Demo STS, O=CareVault, C=BE"), Duration.ofDays(30),
                CertificateAuthority.Usage.PARTY);
        gp = ca.issue(new X500Principal("CN=SSIN=72081012378, OU=NIHII-PHYSICIAN=12345625004, O=Demo, C=BE"),
                Duration.ofDays(30), CertificateAuthority.Usage.PARTY);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("sts", sts.privateKey(), "secret".toCharArray(), sts.chain().toArray(Certificate[]::new));
        issuer = new AssertionIssuer("urn:carevault:demo-sts", keys, "sts", "secret", Duration.ofHours(1),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Element issue(List<Designator> asked) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().newDocument();
        Element assertion = issuer.issue(new Holder("72081012378", Quality.DOCTOR, "12345625004", gp.certificate()),
                asked, document);
        document.appendChild(assertion);
        return assertion;
    }

    private static final List<Designator> ASKED = List.of(
            new Designator(EHealthAttributes.IDENTIFICATION, EHealthAttributes.CERTIFICATE_HOLDER_SSIN),
            new Designator(EHealthAttributes.IDENTIFICATION, EHealthAttributes.PERSON_SSIN),
            new Designator(EHealthAttributes.CERTIFIED, Quality.DOCTOR.booleanAttribute()),
            new Designator(EHealthAttributes.CERTIFIED, Quality.PHARMACIST.booleanAttribute()),
            new Designator(EHealthAttributes.CERTIFIED, Quality.DOCTOR.nihiiAttribute()),
            new Designator(EHealthAttributes.CERTIFIED, Quality.NURSE.nihiiAttribute()),
            new Designator(EHealthAttributes.CERTIFIED, "urn:be:fgov:person:ssin:unknown"));

    @Test
    void aSaml11AssertionOfTheStsValidForItsLifetime() throws Exception {
        Element assertion = issue(ASKED);
        assertEquals(SAML1, assertion.getNamespaceURI());
        assertEquals("Assertion", assertion.getLocalName());
        assertEquals("1", assertion.getAttribute("MajorVersion"));
        assertEquals("1", assertion.getAttribute("MinorVersion"));
        assertEquals("urn:carevault:demo-sts", assertion.getAttribute("Issuer"));
        Element conditions = (Element) assertion.getElementsByTagNameNS(SAML1, "Conditions").item(0);
        assertEquals(NOW, Instant.parse(conditions.getAttribute("NotBefore")));
        assertEquals(NOW.plus(Duration.ofHours(1)), Instant.parse(conditions.getAttribute("NotOnOrAfter")));
    }

    @Test
    void theKeyIsTheHoldersCertificate() throws Exception {
        Element assertion = issue(ASKED);
        NodeList confirmations = assertion.getElementsByTagNameNS(SAML1, "SubjectConfirmation");
        assertEquals(2, confirmations.getLength(), "the authentication and the attribute statement");
        for (int i = 0; i < confirmations.getLength(); i++) {
            Element confirmation = (Element) confirmations.item(i);
            assertEquals("urn:oasis:names:tc:SAML:1.0:cm:holder-of-key",
                    confirmation.getElementsByTagNameNS(SAML1, "ConfirmationMethod").item(0).getTextContent().trim());
            String encoded = confirmation.getElementsByTagNameNS(DSIG, "X509Certificate").item(0).getTextContent();
            X509Certificate key = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(encoded)));
            assertEquals(gp.certificate(), key);
        }
    }

    @Test
    void onlyTheAttributesAskedForAndHeldAreAnswered() throws Exception {
        Map<String, String> answered = new LinkedHashMap<>();
        NodeList attributes = issue(ASKED).getElementsByTagNameNS(SAML1, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            answered.put(attribute.getAttribute("AttributeNamespace") + "|" + attribute.getAttribute("AttributeName"),
                    attribute.getElementsByTagNameNS(SAML1, "AttributeValue").item(0).getTextContent());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(EHealthAttributes.IDENTIFICATION + "|" + EHealthAttributes.CERTIFICATE_HOLDER_SSIN, "72081012378");
        expected.put(EHealthAttributes.IDENTIFICATION + "|" + EHealthAttributes.PERSON_SSIN, "72081012378");
        expected.put(EHealthAttributes.CERTIFIED + "|urn:be:fgov:person:ssin:doctor:boolean", "true");
        expected.put(EHealthAttributes.CERTIFIED + "|urn:be:fgov:person:ssin:pharmacist:boolean", "false");
        expected.put(EHealthAttributes.CERTIFIED + "|urn:be:fgov:person:ssin:ehealth:1.0:nihii:doctor:nihii11", "12345625004");
        assertEquals(expected, answered, "a nurse's NIHII the doctor does not have and an unknown name are not answered");
    }

    @Test
    void signedByTheStsAndAnyChangeBreaksIt() throws Exception {
        Element assertion = issue(ASKED);
        assertTrue(signature(assertion).checkSignatureValue(sts.certificate()), "the STS's signature verifies");
        assertFalse(signature(assertion).checkSignatureValue(gp.certificate()), "and no other key's");
        Element value = (Element) assertion.getElementsByTagNameNS(SAML1, "AttributeValue").item(0);
        value.setTextContent("85021445650");
        assertFalse(signature(assertion).checkSignatureValue(sts.certificate()), "another SSIN breaks it");
        Element signatureMethod = (Element) assertion.getElementsByTagNameNS(DSIG, "SignatureMethod").item(0);
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", signatureMethod.getAttribute("Algorithm"));
    }

    private static XMLSignature signature(Element assertion) throws Exception {
        assertion.setIdAttribute("AssertionID", true);
        return new XMLSignature((Element) assertion.getElementsByTagNameNS(DSIG, "Signature").item(0), "");
    }
}
