package org.carevault.it;

import static org.carevault.it.SoapAuthenticationIT.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad SOAP input gets a coded fault, nothing leaks or is expanded, and the endpoint keeps serving. */
class SoapBadInputIT {

    @AfterEach
    void theEndpointStillServesSignedRequests() throws Exception {
        HttpResponse<String> response = SignedSoap.post(SignedSoap.signedWhoAmI(SoapAuthenticationIT.demo("gp.peeters")));
        assertEquals(200, response.statusCode(), response::body);
    }

    @Test
    void malformedXmlIsAFault() throws Exception {
        assertFault(SignedSoap.post("<soap:Envelope xmlns:soap=\"" + SignedSoap.SOAP_NS + "\"><soap:Body><unclosed>"),
                "CV-REQ-001");
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedAndNotResolved() throws Exception {
        Path secret = Files.createTempFile("carevault-xxe", ".txt");
        Files.writeString(secret, "XXE-CANARY-7f3a");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<soap:Envelope xmlns:soap=\"" + SignedSoap.SOAP_NS + "\"><soap:Body>"
                + "<id:WhoAmIRequest xmlns:id=\"" + SignedSoap.IDENTITY_NS + "\">&xxe;</id:WhoAmIRequest></soap:Body></soap:Envelope>";

        HttpResponse<String> response = SignedSoap.post(xml);
        assertFault(response, "CV-REQ-001");
        assertFalse(response.body().contains("XXE-CANARY"), "the entity was never expanded");
    }

    @Test
    void anEntityExpansionBombIsRefused() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE bomb [<!ENTITY a0 \"boom\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = dtd + "<soap:Envelope xmlns:soap=\"" + SignedSoap.SOAP_NS + "\"><soap:Body>&a9;</soap:Body></soap:Envelope>";

        assertFault(SignedSoap.post(xml), "CV-REQ-001");
    }

    @Test
    void aSoapBodyOverTheLimitIsAFault() throws Exception {
        // Just over the 15 MiB default (carevault.soap.max-body-bytes): a 10 MiB sealed message in base64 fits, this does not.
        String padding = "<x:Pad xmlns:x=\"urn:pad\">" + "x".repeat(15 * 1024 * 1024 + 1) + "</x:Pad>";
        String xml = SignedSoap.whoAmIEnvelope().replace("<soap:Header/>", "<soap:Header>" + padding + "</soap:Header>");

        assertFault(SignedSoap.post(xml), "CV-REQ-003");
    }
}
