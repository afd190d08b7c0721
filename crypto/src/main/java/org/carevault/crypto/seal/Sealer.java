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
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
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
            byte[] inner = Signatures.sign(content, sender);
            byte[] envelope = encrypt(inner, withSender(recipients, sender.certificate()));
            return Signatures.sign(envelope, sender);
        } catch (GeneralSecurityException | CMSException | IOException e) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "cannot seal with these keys", e);
        }
    }

    private static byte[] encrypt(byte[] content, List<X509Certificate> recipients)
            throws GeneralSecurityException, CMSException, IOException {
        CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
        AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                PKCSObjectIdentifiers.id_RSAES_OAEP,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        for (X509Certificate recipient : recipients) {
            if (recipient.getPublicKey() instanceof java.security.interfaces.ECPublicKey) {
                generator.addRecipientInfoGenerator(keyAgreement(recipient));
            } else {
                generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient, oaep));
            }
        }
        CMSAuthEnvelopedData envelope = generator.generate(Chunks.content(content),
                (org.bouncycastle.operator.OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).build());
        return envelope.getEncoded();
    }

    /** Ephemeral-static ECDH: a fresh P-256 key per recipient, so no two recipients share a secret. */
    private static org.bouncycastle.cms.RecipientInfoGenerator keyAgreement(X509Certificate recipient)
            throws GeneralSecurityException {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair ephemeral = generator.generateKeyPair();
        return new org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                .addRecipient(recipient).setProvider(Algorithms.BC);
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
