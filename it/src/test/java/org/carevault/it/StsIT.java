package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.signature.XMLSignature;
import org.carevault.crypto.pki.Pkcs12;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The demo STS over the wire, called by a client nobody here wrote: e-Contract's eHealth STS client
 * (../shared/tools/contract-client, unmodified; skipped with a notice where absent) asks for an assertion with a demo
 * GP's certificate and gets a SAML 1.1 holder-of-key assertion signed by the STS, naming the GP's SSIN and quality. A
 * request without WS-Security gets a coded SAML status and no assertion.
 */
class StsIT {

    private static final String SAML = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final String SAMLP = "urn:oasis:names:tc:SAML:1.0:protocol";

    @BeforeAll
    static void santuario() {
        org.apache.xml.security.Init.init();
    }

    @Test
    void theEContractClientGetsAHolderOfKeyAssertionForTheGp() throws Exception {
        ContractClient.required("StsIT");
        Path out = Files.createTempFile("assertion", ".xml");
        ContractClient.Run run = ContractClient.run(List.of("sts", "--url", ContractClient.STS, "--p12",
                Stack.PKI.resolve("gp.peeters.p12").toString(), "--pass", Stack.secret("pki.demo-password"),
                "--out", out.toString(), "--no-dump"));
        assertEquals(0, run.exit(), "the client got an assertion:\n" + run.output());

        Element assertion = parse(Files.readAllBytes(out)).getDocumentElement();
        Files.delete(out);
        assertEquals(SAML, assertion.getNamespaceURI());
        assertEquals("Assertion", assertion.getLocalName());
        assertEquals("urn:carevault:demo-sts", assertion.getAttribute("Issuer"));
        assertTrue(Instant.parse(((Element) assertion.getElementsByTagNameNS(SAML, "Conditions").item(0))
                .getAttribute("NotOnOrAfter")).isAfter(Instant.now()), "valid now");
        assertEquals("urn:oasis:names:tc:SAML:1.0:cm:holder-of-key",
                assertion.getElementsByTagNameNS(SAML, "ConfirmationMethod").item(0).getTextContent().trim());
        List<String> attributes = new ArrayList<>();
        NodeList nodes = assertion.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element attribute = (Element) nodes.item(i);
            attributes.add(attribute.getAttribute("AttributeName") + "="
                    + attribute.getElementsByTagNameNS(SAML, "AttributeValue").item(0).getTextContent());
        }
        assertEquals(List.of("urn:be:fgov:ehealth:1.0:certificateholder:person:ssin=72081012378",
                "urn:be:fgov:person:ssin=72081012378", "urn:be:fgov:person:ssin:doctor:boolean=true"), attributes,
                "what the client asked for, as the GP's certificate says");

        X509Certificate sts = (X509Certificate) Pkcs12.read(Stack.PKI.resolve("sts.p12"),
                Stack.secret("pki.hub-password").toCharArray()).getCertificate("sts");
        assertion.setIdAttribute("AssertionID", true);
        XMLSignature signature = new XMLSignature((Element) assertion.getElementsByTagNameNS(
                "http://www.w3.org/2000/09/xmldsig#", "Signature").item(0), "");
        assertTrue(signature.checkSignatureValue(sts), "signed by the demo STS");
    }

    @Test
    void aRequestWithoutWsSecurityGetsACodedStatusAndNoAssertion() throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<samlp:Request xmlns:samlp=\"" + SAMLP + "\" MajorVersion=\"1\" MinorVersion=\"1\" RequestID=\"r1\""
                + " IssueInstant=\"" + Instant.now() + "\"><samlp:AttributeQuery/></samlp:Request></soap:Body></soap:Envelope>";
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(ContractClient.STS))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
        assertEquals(200, answer.statusCode(), answer.body());
        Document response = parse(answer.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(0, response.getElementsByTagNameNS(SAML, "Assertion").getLength());
        assertEquals("samlp:Requester", ((Element) response.getElementsByTagNameNS(SAMLP, "StatusCode").item(0))
                .getAttribute("Value"));
        assertTrue(response.getElementsByTagNameNS(SAMLP, "StatusMessage").item(0).getTextContent().startsWith("CV-STS-002"));

        HttpResponse<String> notXml = Http.send(HttpRequest.newBuilder(URI.create(ContractClient.STS))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")));
        assertTrue(notXml.body().contains("CV-STS-001") && !notXml.body().contains("root:"), notXml.body());
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
