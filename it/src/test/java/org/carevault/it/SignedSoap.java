package org.carevault.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.apache.wss4j.common.crypto.Merlin;
import org.carevault.crypto.pki.Credential;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds SOAP requests signed with WS-Security exactly as the WSDL's policy asks (X.509 token in
 * the message, RSA-SHA256 over Body and Timestamp, SHA-256 digests, exclusive c14n), with hooks to
 * spoil them in the ways an attacker would, and sends them as raw bytes.
 */
final class SignedSoap {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String IDENTITY_NS = "urn:carevault:ws:identity:v1";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String ENDPOINT = Stack.HUB + "/soap/IdentityService";

    private SignedSoap() {
    }

    static String whoAmIEnvelope() {
        return "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Header/><soap:Body>"
                + "<id:WhoAmIRequest xmlns:id=\"" + IDENTITY_NS + "\"/></soap:Body></soap:Envelope>";
    }

    static String signedWhoAmI(Credential signer) throws Exception {
        return sign(whoAmIEnvelope(), signer, RSA_SHA256, timestamp -> { });
    }

    /**
     * Signs the envelope; {@code adjustTimestamp} may rewrite the Timestamp before it is signed
     * (to make it stale while keeping the signature valid).
     */
    static String sign(String envelope, Credential signer, String signatureAlgorithm, Consumer<Element> adjustTimestamp) {
        return org.carevault.client.SoapSigner.sign(envelope, signer, signatureAlgorithm, adjustTimestamp);
    }

    /**
     * Rewrites the Timestamp's Created and Expires, in milliseconds as WS-Security's Basic Security
     * Profile requires (a finer value would be refused for its format, not for its time).
     */
    static Consumer<Element> timestampAt(Instant created, Instant expires) {
        return element -> {
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("Created".equals(child.getLocalName())) {
                    child.setTextContent(created.truncatedTo(ChronoUnit.MILLIS).toString());
                } else if ("Expires".equals(child.getLocalName())) {
                    child.setTextContent(expires.truncatedTo(ChronoUnit.MILLIS).toString());
                }
            }
        };
    }

    static HttpResponse<String> post(String envelope) {
        return post(envelope.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(byte[] envelope) {
        return Http.send(HttpRequest.newBuilder(URI.create(ENDPOINT))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:carevault:ws:identity:v1:WhoAmI\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)));
    }

    static final String CONSENT_NS = "urn:carevault:ws:consent:v1";

    static final String VAULT_NS = "urn:carevault:ws:vault:v1";

    /** A consent-service operation, its body given as the request element's children, signed by the caller. */
    static HttpResponse<String> consent(String operation, String children, Credential signer) throws Exception {
        return call("ConsentService", CONSENT_NS, operation, children, signer);
    }

    static final String MAILBOX_NS = "urn:carevault:ws:mailbox:v1";

    /** A mailbox-service operation (service: MailboxPublication, MailboxConsultation or EtkDepot), likewise. */
    static HttpResponse<String> mailbox(String service, String operation, String children, Credential signer) throws Exception {
        return call(service + "Service", MAILBOX_NS, operation, children, signer);
    }

    /** A vault-service operation, likewise. */
    static HttpResponse<String> vault(String operation, String children, Credential signer) throws Exception {
        return call("VaultService", VAULT_NS, operation, children, signer);
    }

    private static HttpResponse<String> call(String service, String namespace, String operation, String children,
            Credential signer) throws Exception {
        return Http.send(request(service, namespace, operation, children, signer));
    }

    /** A vault-service request signed now, to be sent later (within the Timestamp's five minutes). */
    static HttpRequest vaultRequest(String operation, String children, Credential signer) throws Exception {
        return request("VaultService", VAULT_NS, operation, children, signer).build();
    }

    private static HttpRequest.Builder request(String service, String namespace, String operation, String children,
            Credential signer) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Header/><soap:Body>"
                + "<c:" + operation + "Request xmlns:c=\"" + namespace + "\">" + children + "</c:" + operation + "Request>"
                + "</soap:Body></soap:Envelope>";
        return HttpRequest.newBuilder(URI.create(Stack.HUB + "/soap/" + service))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + namespace + ":" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(sign(envelope, signer, RSA_SHA256, timestamp -> { })));
    }

    static Document parse(String xml) {
        return org.carevault.client.SoapSigner.parse(xml);
    }

    /** The text of the first element with that local name, or null. */
    static String text(String xml, String localName) throws Exception {
        var nodes = parse(xml).getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** The in-memory key store password of {@link #crypto}; alias "signer". */
    static final String KEY_PASSWORD = org.carevault.client.SoapSigner.KEY_PASSWORD;

    /** A WSS4J crypto holding the signer's key under the alias "signer". */
    static Merlin crypto(Credential signer) throws Exception {
        return org.carevault.client.SoapSigner.crypto(signer);
    }

}
