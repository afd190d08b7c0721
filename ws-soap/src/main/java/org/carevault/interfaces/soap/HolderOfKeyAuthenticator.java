package org.carevault.interfaces.soap;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.cache.ReplayCache;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.CryptoFactory;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.OpenSAMLUtil;
import org.apache.wss4j.common.saml.SAMLKeyInfo;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.EHealthAttributes;
import org.carevault.crypto.identity.InvalidIdentifierException;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.EHealthAttributes.Quality;
import org.carevault.crypto.pki.Pem;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Authenticates a request the eHealth way: a SAML 1.1 holder-of-key assertion from a trusted STS in
 * {@code wsse:Security}, and a signature over the Body and the Timestamp made with the key of the assertion's
 * holder-of-key certificate (referenced by AssertionID, or by a BinarySecurityToken of that same certificate).
 *
 * <p>WSS4J does all the cryptography: the Timestamp (5 minutes to live, 60 s of clock skew ahead), the assertion's own
 * signature and its conditions (validity, audience), the message signature and the certificate chain of the holder to
 * the hub's trusted CAs, and replay (the cluster-wide cache: a message is accepted once). Then this class checks what
 * WSS4J leaves to the application: the assertion was signed by one of the configured STS certificates (pinned, not
 * merely chained to a trusted CA, which would let any care provider issue assertions), the request was signed by the
 * holder's key and covers the very Body acted on, and the attributes name the person the certificate names, in a
 * quality the certificate holds. The caller is then that certificate's care identity. Every refusal is coded; the
 * precise codes for an expired or untrusted assertion come from a first look at the unverified assertion, which only
 * chooses the code — never the outcome.
 */
public final class HolderOfKeyAuthenticator {

    static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String HOLDER_OF_KEY = "urn:oasis:names:tc:SAML:1.0:cm:holder-of-key";
    private static final QName TIMESTAMP = new QName(WSConstants.WSU_NS, "Timestamp");
    private static final String XMLDSIG_MORE = "http://www.w3.org/2001/04/xmldsig-more#";
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final Crypto trust;
    private final List<X509Certificate> stsCertificates;
    private final List<String> audiences;
    private final ReplayCache replay;
    private final Clock clock;

    /**
     * @param trust           the hub's trust store: holders' certificates must chain to it
     * @param stsCertificates the STS certificates whose assertions are trusted
     * @param audiences       the names the hub answers to in an assertion's AudienceRestrictionCondition (an assertion
     *                        without one is for any audience, as the eHealth STS issues them)
     * @param replay          where seen messages are remembered
     */
    public HolderOfKeyAuthenticator(Crypto trust, List<X509Certificate> stsCertificates, List<String> audiences,
            ReplayCache replay, Clock clock) {
        OpenSAMLUtil.initSamlEngine();
        this.trust = trust;
        this.stsCertificates = List.copyOf(stsCertificates);
        this.audiences = List.copyOf(audiences);
        this.replay = replay;
        this.clock = clock;
    }

    /** The caller of a SOAP envelope, or a {@link CareVaultException} with the reason it is refused. */
    public Caller authenticate(Document envelope) {
        Element body = WSSecurityUtil.findBodyElement(envelope);
        if (body == null) {
            throw new CareVaultException(ErrorCode.REQUEST_MALFORMED);
        }
        firstLook(envelope);
        WSHandlerResult results;
        try {
            results = new WSSecurityEngine().processSecurityHeader(envelope, requestData());
        } catch (WSSecurityException e) {
            throw new CareVaultException(ErrorCode.MESSAGE_SECURITY_INVALID);
        }
        if (results == null) {
            throw new CareVaultException(ErrorCode.MESSAGE_SECURITY_INVALID);
        }
        Map<Integer, List<WSSecurityEngineResult>> actions = results.getActionResults();
        List<WSSecurityEngineResult> timestamps = actions.getOrDefault(WSConstants.TS, List.of());
        List<WSSecurityEngineResult> signatures = actions.getOrDefault(WSConstants.SIGN, List.of());
        List<WSSecurityEngineResult> assertions = new ArrayList<>(actions.getOrDefault(WSConstants.ST_SIGNED, List.of()));
        assertions.addAll(actions.getOrDefault(WSConstants.ST_UNSIGNED, List.of()));
        if (timestamps.size() != 1 || signatures.size() != 1 || assertions.size() != 1) {
            throw new CareVaultException(ErrorCode.MESSAGE_SECURITY_INVALID);
        }
        SamlAssertionWrapper assertion = (SamlAssertionWrapper) assertions.get(0)
                .get(WSSecurityEngineResult.TAG_SAML_ASSERTION);
        X509Certificate holder = trustedHolder(assertion);
        WSSecurityEngineResult signature = signatures.get(0);
        if (!holder.equals(signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE))) {
            throw new CareVaultException(ErrorCode.HOLDER_OF_KEY_MISMATCH);
        }
        @SuppressWarnings("unchecked")
        List<WSDataRef> signed = (List<WSDataRef>) signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        if (signed == null || signed.stream().noneMatch(ref -> ref.getProtectedElement() == body)
                || signed.stream().map(WSDataRef::getName).noneMatch(TIMESTAMP::equals)) {
            throw new CareVaultException(ErrorCode.MESSAGE_SECURITY_INVALID);
        }
        CertificateIdentity identity = identityOf(holder, attributes(assertion.getElement()));
        return SoapCaller.of(identity);
    }

    private RequestData requestData() {
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(trust);
        data.setTimeStampStrict(true);
        data.setRequireTimestampExpires(true);
        data.setTimeStampTTL(300);
        data.setTimeStampFutureTTL((int) SKEW.toSeconds());
        data.setTimestampReplayCache(replay);
        data.setSamlOneTimeUseReplayCache(replay);
        data.setAudienceRestrictions(audiences);
        data.setValidateSamlSubjectConfirmation(true);
        AlgorithmSuite algorithms = new AlgorithmSuite();
        // SHA-256 and up, as everywhere in the hub: an STS or a client signing with SHA-1 is refused.
        for (String method : List.of(WSConstants.RSA_SHA256, XMLDSIG_MORE + "rsa-sha384", XMLDSIG_MORE + "rsa-sha512",
                XMLDSIG_MORE + "ecdsa-sha256", XMLDSIG_MORE + "ecdsa-sha384", XMLDSIG_MORE + "ecdsa-sha512")) {
            algorithms.addSignatureMethod(method);
        }
        for (String digest : List.of(WSConstants.SHA256, "http://www.w3.org/2001/04/xmldsig-more#sha384",
                "http://www.w3.org/2001/04/xmlenc#sha512")) {
            algorithms.addDigestAlgorithm(digest);
        }
        algorithms.addC14nAlgorithm(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        algorithms.addTransformAlgorithm(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        algorithms.addTransformAlgorithm("http://www.w3.org/2000/09/xmldsig#enveloped-signature");
        algorithms.setMinimumAsymmetricKeyLength(2048);
        algorithms.setMinimumEllipticCurveKeyLength(256);
        data.setAlgorithmSuite(algorithms);
        return data;
    }

    /**
     * A look at the assertion before anything is verified, to give the precise code: one SAML 1.1 assertion in the
     * security header, valid now (60 s of skew), with a signature whose certificate is a trusted STS's. What is read
     * here decides only which refusal a bad request gets; a good-looking one is still verified in full afterwards.
     */
    private void firstLook(Document envelope) {
        List<Element> found = new ArrayList<>();
        Element header = child(envelope.getDocumentElement(), "Header");
        Element security = header == null ? null : child(header, "Security");
        if (security != null) {
            for (Node node = security.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && SAML1.equals(element.getNamespaceURI())
                        && "Assertion".equals(element.getLocalName())) {
                    found.add(element);
                }
            }
        }
        if (found.size() != 1) {
            throw new CareVaultException(ErrorCode.MESSAGE_SECURITY_INVALID);
        }
        Element assertion = found.get(0);
        Element conditions = child(assertion, "Conditions");
        Instant now = clock.instant();
        try {
            if (conditions == null
                    || !conditions.getAttribute("NotBefore").isEmpty()
                            && Instant.parse(conditions.getAttribute("NotBefore")).isAfter(now.plus(SKEW))
                    || !conditions.getAttribute("NotOnOrAfter").isEmpty()
                            && !Instant.parse(conditions.getAttribute("NotOnOrAfter")).isAfter(now)) {
                throw new CareVaultException(ErrorCode.ASSERTION_EXPIRED);
            }
        } catch (DateTimeParseException e) {
            throw new CareVaultException(ErrorCode.ASSERTION_UNTRUSTED);
        }
        Element signature = child(assertion, "Signature");
        if (signature == null) {
            throw new CareVaultException(ErrorCode.ASSERTION_UNTRUSTED);
        }
        // A certificate in the message that is not the holder's: the request is signed by someone else's key.
        byte[] holder = decoded(assertion.getElementsByTagNameNS(DSIG, "X509Certificate"));
        byte[] carried = decoded(security.getElementsByTagNameNS(WSConstants.WSSE_NS, "BinarySecurityToken"));
        if (carried != null && !Arrays.equals(holder, carried)) {
            throw new CareVaultException(ErrorCode.HOLDER_OF_KEY_MISMATCH);
        }
    }

    /** The base64 content of the first of {@code nodes}, decoded; null when there is none or it is not base64. */
    private static byte[] decoded(NodeList nodes) {
        if (nodes.getLength() == 0) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(nodes.item(0).getTextContent().trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The holder-of-key certificate of an assertion signed by a trusted STS, or the refusal. */
    private X509Certificate trustedHolder(SamlAssertionWrapper assertion) {
        SAMLKeyInfo signer = assertion.isSigned() ? assertion.getSignatureKeyInfo() : null;
        if (signer == null || signer.getCerts() == null || signer.getCerts().length == 0
                || !stsCertificates.contains(signer.getCerts()[0])) {
            throw new CareVaultException(ErrorCode.ASSERTION_UNTRUSTED);
        }
        Element element = assertion.getElement();
        if (!SAML1.equals(element.getNamespaceURI()) || !"1".equals(element.getAttribute("MajorVersion"))
                || !"1".equals(element.getAttribute("MinorVersion"))
                || assertion.getConfirmationMethods().isEmpty()
                || !assertion.getConfirmationMethods().stream().allMatch(HOLDER_OF_KEY::equals)) {
            throw new CareVaultException(ErrorCode.ASSERTION_UNTRUSTED);
        }
        SAMLKeyInfo subject = assertion.getSubjectKeyInfo();
        if (subject == null || subject.getCerts() == null || subject.getCerts().length == 0) {
            throw new CareVaultException(ErrorCode.ASSERTION_UNTRUSTED);
        }
        return subject.getCerts()[0];
    }

    /** The assertion's attributes, {@code namespace|name} → values (read from the verified assertion). */
    static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new HashMap<>();
        for (Element statement : children(assertion, "AttributeStatement")) {
            for (Element attribute : children(statement, "Attribute")) {
                List<String> values = attributes.computeIfAbsent(
                        attribute.getAttribute("AttributeNamespace") + "|" + attribute.getAttribute("AttributeName"),
                        key -> new ArrayList<>());
                for (Element value : children(attribute, "AttributeValue")) {
                    values.add(value.getTextContent().trim());
                }
            }
        }
        return attributes;
    }

    /**
     * The care identity of the holder's certificate, when the assertion says the same: for a person, the SSIN, the
     * quality the certificate is issued for certified true, and its NIHII number where the assertion gives one; for a
     * hospital, its NIHII number, recognised as a hospital, and its eleven-digit NIHII where the assertion gives one.
     */
    static CertificateIdentity identityOf(X509Certificate holder, Map<String, List<String>> attributes) {
        CertificateIdentity identity = CertificateIdentity.parse(holder.getSubjectX500Principal())
                .filter(id -> id.nihii() != null)
                .orElseThrow(() -> new CareVaultException(ErrorCode.ASSERTION_IDENTITY_MISMATCH));
        if (identity.kind() == CertificateIdentity.Kind.ORGANISATION) {
            return hospitalOf(identity, attributes);
        }
        Quality quality = Quality.ofCertificate(identity.quality())
                .orElseThrow(() -> new CareVaultException(ErrorCode.ASSERTION_IDENTITY_MISMATCH));
        List<String> ssins = new ArrayList<>(attributes.getOrDefault(
                EHealthAttributes.IDENTIFICATION + "|" + EHealthAttributes.PERSON_SSIN, List.of()));
        ssins.addAll(attributes.getOrDefault(
                EHealthAttributes.IDENTIFICATION + "|" + EHealthAttributes.CERTIFICATE_HOLDER_SSIN, List.of()));
        boolean sameSsin = !ssins.isEmpty() && ssins.stream().allMatch(identity.ssin().value()::equals);
        boolean certified = attributes.getOrDefault(EHealthAttributes.CERTIFIED + "|" + quality.booleanAttribute(),
                List.of()).equals(List.of("true"));
        List<String> nihii = attributes.getOrDefault(EHealthAttributes.CERTIFIED + "|" + quality.nihiiAttribute(), List.of());
        boolean sameNihii = nihii.stream().allMatch(identity.nihii().value()::equals);
        if (!sameSsin || !certified || !sameNihii) {
            throw new CareVaultException(ErrorCode.ASSERTION_IDENTITY_MISMATCH);
        }
        return identity;
    }

    private static CertificateIdentity hospitalOf(CertificateIdentity identity, Map<String, List<String>> attributes) {
        List<String> numbers = attributes.getOrDefault(
                EHealthAttributes.IDENTIFICATION + "|" + EHealthAttributes.HOSPITAL_NIHII, List.of());
        boolean recognised = attributes.getOrDefault(EHealthAttributes.CERTIFIED + "|" + EHealthAttributes.HOSPITAL_RECOGNISED,
                List.of()).equals(List.of("true"));
        List<String> elevens = attributes.getOrDefault(
                EHealthAttributes.CERTIFIED + "|" + EHealthAttributes.HOSPITAL_NIHII11, List.of());
        boolean same = !numbers.isEmpty() && numbers.stream().allMatch(n -> sameNihii(identity, n))
                && elevens.stream().allMatch(n -> sameNihii(identity, n));
        if (!"HOSPITAL".equals(identity.quality()) || !recognised || !same) {
            throw new CareVaultException(ErrorCode.ASSERTION_IDENTITY_MISMATCH);
        }
        return identity;
    }

    private static boolean sameNihii(CertificateIdentity identity, String number) {
        try {
            return Nihii.of(number).base().equals(identity.nihii().base());
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /**
     * The authenticator of the hub's configuration: the hub's WSS4J trust store, the STS certificates of
     * {@code carevault.saml.sts-certificates} (PEM files, comma-separated; default {@code <carevault.pki.dir>/sts.pem}),
     * the audiences of {@code carevault.saml.audiences} (default {@code urn:carevault:hub}) and the shared replay cache.
     */
    public static HolderOfKeyAuthenticator fromConfiguration() {
        try {
            Crypto trust = CryptoFactory.getInstance("carevault-crypto.properties",
                    HolderOfKeyAuthenticator.class.getClassLoader());
            String files = System.getProperty("carevault.saml.sts-certificates",
                    System.getProperty("carevault.pki.dir", ".") + "/sts.pem");
            List<X509Certificate> sts = new ArrayList<>();
            for (String file : files.split(",")) {
                if (!file.isBlank()) {
                    sts.add(Pem.read(Path.of(file.trim())));
                }
            }
            List<String> audiences = List.of(System.getProperty("carevault.saml.audiences", "urn:carevault:hub")
                    .split("\\s*,\\s*"));
            return new HolderOfKeyAuthenticator(trust, sts, audiences, SharedReplayCache.INSTANCE, Clock.systemUTC());
        } catch (WSSecurityException e) {
            throw new IllegalStateException("CV-SYS-001 the hub's trust store cannot be read", e);
        }
    }
}
