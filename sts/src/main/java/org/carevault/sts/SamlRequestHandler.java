package org.carevault.sts;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.sts.AssertionIssuer.Designator;
import org.carevault.sts.AssertionIssuer.Holder;
import org.carevault.crypto.identity.EHealthAttributes.Quality;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The eHealth STS contract as the demo STS answers it: a SOAP 1.1 request whose WS-Security header carries a Timestamp and
 * an X.509 signature (certificate in a BinarySecurityToken) over the Body and the Timestamp, made by a care provider's
 * authentication certificate issued by a trusted CA; in the Body a SAML 1.1 {@code samlp:Request} with an
 * {@code AttributeQuery}, enveloped-signed by the key the assertion is to be held by. The answer is a
 * {@code samlp:Response} with the assertion ({@link AssertionIssuer}), or a {@code samlp:Status} saying why not, with a
 * code. Signatures are checked by WSS4J and Santuario. The e-Contract client signs with RSA-SHA1, as the eHealth STS
 * accepted: this STS accepts SHA-1 (and SHA-256) as a documented compatibility exception of the demo STS only.
 */
public final class SamlRequestHandler {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SAMLP = "urn:oasis:names:tc:SAML:1.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    /** Why a request got no assertion: a code and a message safe to show (nothing of the request is echoed). */
    public enum Refusal {
        MALFORMED("CV-STS-001", "The request is not a SOAP 1.1 SAML 1.1 attribute query"),
        SECURITY_INVALID("CV-STS-002", "The WS-Security header does not authenticate the request"),
        REQUEST_SIGNATURE_INVALID("CV-STS-003", "The SAML request is not signed by the key to hold the assertion"),
        NOT_A_CARE_PROVIDER("CV-STS-004", "The certificate does not name a care provider this STS certifies");

        private final String code;
        private final String message;

        Refusal(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    /** A refused request. */
    public static final class RefusedException extends Exception {
        private final Refusal refusal;

        RefusedException(Refusal refusal, Throwable cause) {
            super(refusal.code() + " " + refusal.message(), cause);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final AssertionIssuer issuer;
    private final Crypto trust;
    private final Clock clock;

    /** Answers with {@code issuer}, trusting authentication certificates that chain to {@code trust}'s anchors. */
    public SamlRequestHandler(AssertionIssuer issuer, Crypto trust, Clock clock) {
        this.issuer = issuer;
        this.trust = trust;
        this.clock = clock;
        org.apache.xml.security.Init.init();
    }

    /** The response envelope: the assertion, or the status of a refusal. */
    public Document answer(Document request) {
        Optional<String> requestId = Optional.empty();
        try {
            Element samlRequest = samlRequest(request);
            requestId = Optional.of(samlRequest.getAttribute("RequestID")).filter(id -> !id.isEmpty());
            X509Certificate authentication = authenticate(request, (Element) samlRequest.getParentNode());
            X509Certificate holderKey = holderKey(samlRequest);
            Holder holder = holder(authentication, holderKey);
            Document response = newDocument();
            Element assertion = issuer.issue(holder, designators(samlRequest), response);
            return envelope(response, requestId, Optional.of(assertion), Optional.empty());
        } catch (RefusedException e) {
            Document response = newDocument();
            return envelope(response, requestId, Optional.empty(), Optional.of(e.refusal()));
        } catch (WSSecurityException e) {
            throw new IllegalStateException("the STS cannot sign", e);
        }
    }

    /** The answer to a request that could not even be read. */
    public Document refusal(Refusal refusal) {
        return envelope(newDocument(), Optional.empty(), Optional.empty(), Optional.of(refusal));
    }

    /** The Body's {@code samlp:Request}, the one element of a SOAP 1.1 Body. */
    static Element samlRequest(Document envelope) throws RefusedException {
        Element root = envelope.getDocumentElement();
        if (root == null || !SOAP11.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw new RefusedException(Refusal.MALFORMED, null);
        }
        Element body = onlyChild(root, SOAP11, "Body");
        List<Element> content = children(body);
        if (content.size() != 1 || !SAMLP.equals(content.get(0).getNamespaceURI())
                || !"Request".equals(content.get(0).getLocalName())
                || !"1".equals(content.get(0).getAttribute("MajorVersion"))
                || !"1".equals(content.get(0).getAttribute("MinorVersion"))) {
            throw new RefusedException(Refusal.MALFORMED, null);
        }
        return content.get(0);
    }

    /**
     * The WS-Security header, processed by WSS4J: a Timestamp, and one signature by a certificate that chains to a
     * trusted CA covering both the Timestamp and the very Body acted on (the element itself, not one named alike: a
     * signed Body moved into the header and replaced by another is refused). Returns the signer's certificate.
     */
    private X509Certificate authenticate(Document envelope, Element body) throws RefusedException {
        RequestData data = new RequestData();
        data.setSigVerCrypto(trust);
        data.setTimeStampStrict(true);
        data.setRequireTimestampExpires(true);
        data.setTimeStampTTL(300);
        data.setTimeStampFutureTTL(60);
        AlgorithmSuite algorithms = new AlgorithmSuite();
        // The compatibility exception of the demo STS: the e-Contract client signs with RSA-SHA1 (see the class comment).
        algorithms.addSignatureMethod(WSConstants.RSA_SHA1);
        algorithms.addSignatureMethod(WSConstants.RSA_SHA256);
        algorithms.addDigestAlgorithm(WSConstants.SHA1);
        algorithms.addDigestAlgorithm(WSConstants.SHA256);
        algorithms.addC14nAlgorithm(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        algorithms.addTransformAlgorithm(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        algorithms.setMinimumAsymmetricKeyLength(2048);
        data.setAlgorithmSuite(algorithms);
        WSHandlerResult results;
        try {
            results = new WSSecurityEngine().processSecurityHeader(envelope, data);
        } catch (WSSecurityException e) {
            throw new RefusedException(Refusal.SECURITY_INVALID, e);
        }
        if (results == null) {
            throw new RefusedException(Refusal.SECURITY_INVALID, null);
        }
        boolean timestamp = !results.getActionResults().getOrDefault(WSConstants.TS, List.of()).isEmpty();
        List<WSSecurityEngineResult> signatures = results.getActionResults().getOrDefault(WSConstants.SIGN, List.of());
        if (!timestamp || signatures.size() != 1) {
            throw new RefusedException(Refusal.SECURITY_INVALID, null);
        }
        WSSecurityEngineResult signature = signatures.get(0);
        @SuppressWarnings("unchecked")
        List<WSDataRef> signed = (List<WSDataRef>) signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        boolean bodySigned = signed.stream().anyMatch(ref -> ref.getProtectedElement() == body);
        boolean timestampSigned = signed.stream().map(WSDataRef::getName)
                .anyMatch(new QName(WSConstants.WSU_NS, "Timestamp")::equals);
        if (!bodySigned || !timestampSigned) {
            throw new RefusedException(Refusal.SECURITY_INVALID, null);
        }
        X509Certificate certificate = (X509Certificate) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
        if (certificate == null) {
            throw new RefusedException(Refusal.SECURITY_INVALID, null);
        }
        return certificate;
    }

    /**
     * The key the assertion will be held by: the certificate in the {@code samlp:Request}'s enveloped signature, which
     * must sign that very element (its RequestID, with the enveloped-signature transform) and verify.
     */
    static X509Certificate holderKey(Element samlRequest) throws RefusedException {
        try {
            Element signatureElement = onlyChild(samlRequest, DSIG, "Signature");
            String id = samlRequest.getAttribute("RequestID");
            if (id.isEmpty()) {
                throw new RefusedException(Refusal.REQUEST_SIGNATURE_INVALID, null);
            }
            samlRequest.setIdAttribute("RequestID", true);
            XMLSignature signature = new XMLSignature(signatureElement, "", true);
            if (signature.getSignedInfo().getLength() != 1
                    || !("#" + id).equals(signature.getSignedInfo().item(0).getURI())) {
                throw new RefusedException(Refusal.REQUEST_SIGNATURE_INVALID, null);
            }
            Transforms transforms = signature.getSignedInfo().item(0).getTransforms();
            boolean enveloped = false;
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                enveloped |= Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(transforms.item(i).getURI());
            }
            X509Certificate key = signature.getKeyInfo() == null ? null : signature.getKeyInfo().getX509Certificate();
            if (!enveloped || key == null || !signature.checkSignatureValue(key)) {
                throw new RefusedException(Refusal.REQUEST_SIGNATURE_INVALID, null);
            }
            return key;
        } catch (XMLSecurityException e) {
            throw new RefusedException(Refusal.REQUEST_SIGNATURE_INVALID, e);
        }
    }

    /** The care provider or hospital the authentication certificate names, holding the key of {@code holderKey}. */
    static Holder holder(X509Certificate authentication, X509Certificate holderKey) throws RefusedException {
        CertificateIdentity identity = CertificateIdentity.parse(authentication.getSubjectX500Principal())
                .filter(id -> id.nihii() != null)
                .orElseThrow(() -> new RefusedException(Refusal.NOT_A_CARE_PROVIDER, null));
        if (identity.kind() == CertificateIdentity.Kind.ORGANISATION) {
            if (!"HOSPITAL".equals(identity.quality())) {
                throw new RefusedException(Refusal.NOT_A_CARE_PROVIDER, null);
            }
            String nihii = identity.nihii().value();
            return Holder.hospital(nihii.length() == 11 ? nihii : nihii + "000", holderKey);
        }
        Quality quality = Quality.ofCertificate(identity.quality())
                .orElseThrow(() -> new RefusedException(Refusal.NOT_A_CARE_PROVIDER, null));
        return new Holder(identity.ssin().value(), quality, identity.nihii().value(), holderKey);
    }

    /** The AttributeQuery's designators (namespace and name), in their order. */
    static List<Designator> designators(Element samlRequest) throws RefusedException {
        Element query = onlyChild(samlRequest, SAMLP, "AttributeQuery");
        List<Designator> designators = new ArrayList<>();
        for (Element child : children(query)) {
            if (SAML.equals(child.getNamespaceURI()) && "AttributeDesignator".equals(child.getLocalName())) {
                designators.add(new Designator(child.getAttribute("AttributeNamespace"), child.getAttribute("AttributeName")));
            }
        }
        return designators;
    }

    private Document envelope(Document document, Optional<String> inResponseTo, Optional<Element> assertion,
            Optional<Refusal> refusal) {
        Element envelope = document.createElementNS(SOAP11, "soap:Envelope");
        document.appendChild(envelope);
        Element body = document.createElementNS(SOAP11, "soap:Body");
        envelope.appendChild(body);
        Element response = document.createElementNS(SAMLP, "samlp:Response");
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:samlp", SAMLP);
        response.setAttribute("MajorVersion", "1");
        response.setAttribute("MinorVersion", "1");
        response.setAttribute("ResponseID", "_" + UUID.randomUUID());
        response.setAttribute("IssueInstant", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        // Only an id this STS can vouch for is echoed: a SAML id (NCName), never arbitrary text from the request.
        inResponseTo.filter(id -> id.matches("[A-Za-z_][A-Za-z0-9._-]{0,127}"))
                .ifPresent(id -> response.setAttribute("InResponseTo", id));
        body.appendChild(response);
        Element status = document.createElementNS(SAMLP, "samlp:Status");
        response.appendChild(status);
        Element code = document.createElementNS(SAMLP, "samlp:StatusCode");
        // Every refusal is the requester's to fix; a failure of the STS itself is no answer (an HTTP 500).
        code.setAttribute("Value", refusal.isEmpty() ? "samlp:Success" : "samlp:Requester");
        status.appendChild(code);
        refusal.ifPresent(r -> {
            Element message = document.createElementNS(SAMLP, "samlp:StatusMessage");
            message.setTextContent(r.code() + " " + r.message());
            status.appendChild(message);
        });
        assertion.ifPresent(response::appendChild);
        return document;
    }

    private static Element onlyChild(Element parent, String namespace, String name) throws RefusedException {
        Element found = null;
        for (Element child : children(parent)) {
            if (namespace.equals(child.getNamespaceURI()) && name.equals(child.getLocalName())) {
                if (found != null) {
                    throw new RefusedException(Refusal.MALFORMED, null);
                }
                found = child;
            }
        }
        if (found == null) {
            throw new RefusedException(Refusal.MALFORMED, null);
        }
        return found;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
