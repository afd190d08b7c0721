package org.carevault.client;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.carevault.crypto.pki.Credential;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs SOAP requests as every CareVault service's policy asks: a Timestamp (five minutes), the
 * signer's certificate as a binary security token, and an RSA-SHA256 signature with SHA-256 digests
 * and exclusive canonicalisation over the Body and the Timestamp.
 */
public final class SoapSigner {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    /** The password of the in-memory key store of {@link #crypto}, whose only alias is "signer". */
    public static final String KEY_PASSWORD = "pw";

    static {
        WSSConfig.init();
    }

    private SoapSigner() {
    }

    /** The envelope around a body (the request element, as XML text). */
    public static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Header/><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    public static String sign(String envelope, Credential signer) {
        return sign(envelope, signer, RSA_SHA256, timestamp -> { });
    }

    /** As {@link #sign(String, Credential)}; {@code adjustTimestamp} may rewrite the Timestamp before it is signed. */
    public static String sign(String envelope, Credential signer, String signatureAlgorithm, Consumer<Element> adjustTimestamp) {
        Merlin crypto;
        try {
            crypto = crypto(signer);
        } catch (Exception e) {
            throw new IllegalStateException("the request cannot be signed", e);
        }
        return sign(envelope, crypto, signatureAlgorithm, adjustTimestamp);
    }

    /**
     * With the signer's key already in a WSS4J crypto ({@link #crypto}), which a client making many
     * requests keeps: putting a key into it costs a password-based encryption each time.
     */
    public static String sign(String envelope, Merlin crypto, String signatureAlgorithm, Consumer<Element> adjustTimestamp) {
        try {
            Document document = parse(envelope);
            WSSecHeader header = new WSSecHeader(document);
            header.insertSecurityHeader();
            WSSecTimestamp timestamp = new WSSecTimestamp(header);
            timestamp.setTimeToLive(300);
            timestamp.build();
            adjustTimestamp.accept(timestamp.getElement());
            WSSecSignature signature = new WSSecSignature(header);
            signature.setUserInfo("signer", KEY_PASSWORD);
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            signature.setSignatureAlgorithm(signatureAlgorithm);
            signature.setDigestAlgo(WSConstants.SHA256);
            signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);
            signature.getParts().add(new WSEncryptionPart(WSConstants.ELEM_BODY, SOAP_NS, "Element"));
            signature.getParts().add(new WSEncryptionPart(WSConstants.TIMESTAMP_TOKEN_LN, WSConstants.WSU_NS, "Element"));
            signature.build(crypto);
            return serialise(document);
        } catch (Exception e) {
            throw new IllegalStateException("the request cannot be signed", e);
        }
    }

    /** A WSS4J crypto holding the signer's key under the alias "signer" (password {@link #KEY_PASSWORD}). */
    public static Merlin crypto(Credential signer) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", signer.privateKey(), KEY_PASSWORD.toCharArray(), signer.chain().toArray(new Certificate[0]));
        Merlin merlin = new Merlin();
        merlin.setKeyStore(store);
        return merlin;
    }

    /** Parses XML without DOCTYPE or external entities. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML", e);
        }
    }

    private static String serialise(Document document) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }
}
