package org.carevault.crypto.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
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
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.carevault.crypto.pki.Credential;

/**
 * End-to-end sealing in the eHealth ETEE way, with stronger algorithms: the content is signed by
 * the sender (inner signature: non-repudiation), encrypted with AES-256-GCM for every recipient and
 * for the sender (CMS AuthEnvelopedData, RSA-OAEP-SHA-256 key transport or ECDH P-256 key
 * agreement), and the result is signed again (outer signature: authentication of the sender to
 * whoever stores or routes it). The hub only ever sees the outer layer.
 *
 * <p>The three layers are written as nested streams in 16 KiB pieces, so sealing a file of any size
 * needs a constant amount of memory.
 */
public final class Sealer {

    private Sealer() {
    }

    /**
     * Seals content for the recipients' encryption certificates (and the sender's own, so the sender
     * can read its sent messages).
     */
    public static byte[] seal(byte[] content, Credential sender, List<X509Certificate> recipients) {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream(content.length + 8 * 1024);
        seal(new ByteArrayInputStream(content), sealed, sender, recipients);
        return sealed.toByteArray();
    }

    /**
     * Streams: reads the content to its end and writes the sealed message to {@code sealed}. Neither
     * stream is closed. An I/O failure of either stream is thrown as {@link UncheckedIOException}.
     */
    public static void seal(InputStream content, OutputStream sealed, Credential sender, List<X509Certificate> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a sealed message needs at least one recipient");
        }
        try {
            OutputStream outer = Signatures.openSigned(sealed, sender);
            OutputStream envelope = openEnvelope(outer, withSender(recipients, sender.certificate()));
            OutputStream inner = Signatures.openSigned(envelope, sender);
            byte[] buffer = new byte[Chunks.SIZE];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                inner.write(buffer, 0, n);
            }
            inner.close();
            envelope.close();
            outer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | CMSException | OperatorCreationException e) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "cannot seal with these keys", e);
        }
    }

    private static OutputStream openEnvelope(OutputStream out, List<X509Certificate> recipients)
            throws GeneralSecurityException, CMSException, IOException {
        CMSAuthEnvelopedDataStreamGenerator generator = new CMSAuthEnvelopedDataStreamGenerator();
        generator.setBufferSize(Chunks.SIZE);
        AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                PKCSObjectIdentifiers.id_RSAES_OAEP,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        for (X509Certificate recipient : recipients) {
            generator.addRecipientInfoGenerator(recipient.getPublicKey() instanceof ECPublicKey
                    ? keyAgreement(recipient)
                    : new JceKeyTransRecipientInfoGenerator(recipient, oaep));
        }
        // The JDK's AES-GCM (the default provider): it encrypts as a stream, at hardware speed.
        OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM).build();
        return generator.open(out, encryptor);
    }

    /** Ephemeral-static ECDH: a fresh P-256 key per recipient, so no two recipients share a secret. */
    private static RecipientInfoGenerator keyAgreement(X509Certificate recipient) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ephemeral = generator.generateKeyPair();
        return new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(),
                ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP).addRecipient(recipient).setProvider(Algorithms.BC);
    }

    private static List<X509Certificate> withSender(List<X509Certificate> recipients, X509Certificate sender) {
        Map<List<Object>, X509Certificate> distinct = new LinkedHashMap<>();
        for (X509Certificate recipient : recipients) {
            distinct.put(issuerAndSerial(recipient), recipient);
        }
        distinct.putIfAbsent(issuerAndSerial(sender), sender);
        return new ArrayList<>(distinct.values());
    }

    private static List<Object> issuerAndSerial(X509Certificate certificate) {
        return List.of(certificate.getIssuerX500Principal(), certificate.getSerialNumber());
    }
}
