package org.carevault.sts;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.saml.OpenSAMLUtil;
import org.apache.wss4j.common.saml.SAMLCallback;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.common.saml.bean.AttributeBean;
import org.apache.wss4j.common.saml.bean.AttributeStatementBean;
import org.apache.wss4j.common.saml.bean.AuthenticationStatementBean;
import org.apache.wss4j.common.saml.bean.ConditionsBean;
import org.apache.wss4j.common.saml.bean.KeyInfoBean;
import org.apache.wss4j.common.saml.bean.SubjectBean;
import org.apache.wss4j.common.saml.bean.Version;
import org.apache.wss4j.common.saml.builder.SAML1Constants;
import org.carevault.crypto.identity.EHealthAttributes;
import org.carevault.crypto.identity.EHealthAttributes.Quality;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issues what the eHealth STS issues: a SAML 1.1 assertion about a care provider, holder-of-key (the requester's
 * certificate is the subject confirmation's key, so only its private key can present the assertion), with the attributes
 * asked for — the SSIN in the identification namespace, the certified quality and NIHII in eHealth's certified
 * namespace — valid for a bounded time, signed by the STS's key (RSA-SHA256, exclusive c14n). Built and signed with
 * WSS4J over OpenSAML; no XML signature code here.
 */
public final class AssertionIssuer {

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static final String EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    /**
     * Who the assertion is about: a care provider (their SSIN, certified quality and NIHII) or a recognised hospital
     * (no SSIN, no quality: its NIHII), and the certificate that holds the key.
     */
    public record Holder(String ssin, Quality quality, String nihii, X509Certificate certificate) {
        public Holder {
            if ((ssin == null) != (quality == null)) {
                throw new IllegalArgumentException("a person has an SSIN and a quality, a hospital neither");
            }
            Objects.requireNonNull(nihii, "nihii");
            Objects.requireNonNull(certificate, "certificate");
        }

        /** A recognised hospital, by its NIHII number (eleven digits). */
        public static Holder hospital(String nihii, X509Certificate certificate) {
            return new Holder(null, null, nihii, certificate);
        }

        boolean isHospital() {
            return ssin == null;
        }
    }

    /** An attribute asked for: its namespace and name (a SAML 1.1 AttributeDesignator). */
    public record Designator(String namespace, String name) {
    }

    private final String issuer;
    private final Merlin signer;
    private final String alias;
    private final String password;
    private final Duration lifetime;
    private final Clock clock;

    /** The STS named {@code issuer}, signing with the key {@code alias} of the key store, assertions valid {@code lifetime}. */
    public AssertionIssuer(String issuer, KeyStore keys, String alias, String password, Duration lifetime, Clock clock) {
        OpenSAMLUtil.initSamlEngine();
        this.issuer = issuer;
        this.signer = new Merlin();
        this.signer.setKeyStore(keys);
        this.alias = alias;
        this.password = password;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The signed assertion, in {@code document}; only the designators the holder has a value for are answered. */
    public Element issue(Holder holder, List<Designator> asked, Document document) throws WSSecurityException {
        Instant now = clock.instant();
        SAMLCallback callback = new SAMLCallback();
        callback.setSamlVersion(Version.SAML_11);
        callback.setIssuer(issuer);
        ConditionsBean conditions = new ConditionsBean();
        conditions.setNotBefore(now);
        conditions.setNotAfter(now.plus(lifetime));
        callback.setConditions(conditions);

        AuthenticationStatementBean authentication = new AuthenticationStatementBean();
        authentication.setSubject(subject(holder));
        authentication.setAuthenticationMethod(SAML1Constants.AUTH_METHOD_X509);
        authentication.setAuthenticationInstant(now);
        callback.setAuthenticationStatementData(List.of(authentication));

        AttributeStatementBean attributes = new AttributeStatementBean();
        attributes.setSubject(subject(holder));
        List<AttributeBean> answered = new ArrayList<>();
        for (Designator designator : asked) {
            String value = valueOf(holder, designator);
            if (value != null) {
                AttributeBean attribute = new AttributeBean();
                // WSS4J's SAML 1.1 builder: the qualified name is the AttributeNamespace, the simple name the AttributeName.
                attribute.setQualifiedName(designator.namespace());
                attribute.setSimpleName(designator.name());
                attribute.setAttributeValues(List.of(value));
                answered.add(attribute);
            }
        }
        attributes.setSamlAttributes(answered);
        callback.setAttributeStatementData(List.of(attributes));

        SamlAssertionWrapper assertion = new SamlAssertionWrapper(callback);
        assertion.signAssertion(alias, password, signer, false, EXCLUSIVE_C14N, RSA_SHA256, SHA256);
        return assertion.toDOM(document);
    }

    /** The value eHealth certifies for a designator, or null when the holder has none (a quality they do not hold). */
    static String valueOf(Holder holder, Designator designator) {
        if (EHealthAttributes.IDENTIFICATION.equals(designator.namespace())
                && (EHealthAttributes.CERTIFICATE_HOLDER_SSIN.equals(designator.name()) || EHealthAttributes.PERSON_SSIN.equals(designator.name()))) {
            return holder.ssin();
        }
        if (EHealthAttributes.IDENTIFICATION.equals(designator.namespace())
                && EHealthAttributes.HOSPITAL_NIHII.equals(designator.name())) {
            return holder.isHospital() ? holder.nihii().substring(0, 8) : null;
        }
        if (EHealthAttributes.CERTIFIED.equals(designator.namespace())
                && EHealthAttributes.HOSPITAL_RECOGNISED.equals(designator.name())) {
            return Boolean.toString(holder.isHospital());
        }
        if (EHealthAttributes.CERTIFIED.equals(designator.namespace())
                && EHealthAttributes.HOSPITAL_NIHII11.equals(designator.name())) {
            return holder.isHospital() ? holder.nihii() : null;
        }
        if (EHealthAttributes.CERTIFIED.equals(designator.namespace())) {
            for (Quality quality : Quality.values()) {
                if (quality.booleanAttribute().equals(designator.name())) {
                    return Boolean.toString(quality == holder.quality());
                }
                if (quality.nihiiAttribute().equals(designator.name()) && quality == holder.quality()) {
                    return holder.nihii();
                }
            }
        }
        return null;
    }

    private static SubjectBean subject(Holder holder) {
        SubjectBean subject = new SubjectBean();
        String name = holder.certificate().getSubjectX500Principal().getName();
        subject.setSubjectName(name);
        subject.setSubjectNameQualifier(name);
        subject.setSubjectNameIDFormat(SAML1Constants.NAMEID_FORMAT_X509_SUBJECT_NAME);
        subject.setSubjectConfirmationMethod(SAML1Constants.CONF_HOLDER_KEY);
        KeyInfoBean key = new KeyInfoBean();
        key.setCertificate(holder.certificate());
        key.setCertIdentifer(KeyInfoBean.CERT_IDENTIFIER.X509_CERT);
        subject.setKeyInfo(key);
        return subject;
    }
}
