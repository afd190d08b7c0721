package org.carevault.crypto.seal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.carevault.crypto.pki.Credential;

/**
 * End-to-end sealing in the eHealth ETEE way, with stronger algorithms: the content is signed by
 * the sender (inner signature: non-repudiation), encrypted with AES-256-GCM for every recipient and
 * for the sender (CMS AuthEnvelopedData, RSA-OAEP-SHA-256 key transport), and the result is signed
 * again (outer signature: authentication of the sender to whoever stores or routes it). The hub
 * only ever sees the outer layer.
 */
public final class Sealer {

    private Sealer() {
    }

    /**
     * Seals content for the recipients' encryption certificates (and the sender's own, so the sender
     * can read its sent messages).
     */
    public static byte[] seal(byte[] content, Credential sender, List<X509Certificate> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a sealed message needs at least one recipient");
        }
        try {
            byte[] inner = sign(content, sender);
            byte[] envelope = encrypt(inner, withSender(recipients, sender.certificate()));
            return sign(envelope, sender);
        } catch (GeneralSecurityException | CMSException | OperatorCreationException | IOException e) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "cannot seal with these keys", e);
        }
    }

    static byte[] sign(byte[] content, Credential signer)
            throws OperatorCreationException, CMSException, IOException, GeneralSecurityException {
        var contentSigner = new JcaContentSignerBuilder(Algorithms.signatureFor(signer.privateKey()))
                .setProvider(Algorithms.BC).build(signer.privateKey());
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build()).build(contentSigner, signer.certificate()));
        // The chain without its self-signed root: the reader's trust anchors supply that, and every
        // certificate that travels is then bound to the signature or the path checked on reading.
        generator.addCertificates(new JcaCertStore(signer.chain().stream()
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList()));
        return generator.generate(new CMSProcessableByteArray(content), true).getEncoded(ASN1Encoding.DER);
    }

    private static byte[] encrypt(byte[] content, List<X509Certificate> recipients)
            throws GeneralSecurityException, CMSException, IOException {
        CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
        AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                PKCSObjectIdentifiers.id_RSAES_OAEP,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        for (X509Certificate recipient : recipients) {
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient, oaep));
        }
        CMSAuthEnvelopedData envelope = generator.generate(new CMSProcessableByteArray(content),
                (org.bouncycastle.operator.OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).build());
        return envelope.getEncoded();
    }

    private static List<X509Certificate> withSender(List<X509Certificate> recipients, X509Certificate sender) {
        Map<java.math.BigInteger, X509Certificate> distinct = new LinkedHashMap<>();
        for (X509Certificate recipient : recipients) {
            distinct.put(recipient.getSerialNumber(), recipient);
        }
        distinct.putIfAbsent(sender.getSerialNumber(), sender);
        return new ArrayList<>(distinct.values());
    }
}
