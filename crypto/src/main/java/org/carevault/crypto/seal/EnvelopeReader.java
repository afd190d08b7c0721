package org.carevault.crypto.seal;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetStringParser;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1SetParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.AuthEnvelopedDataParser;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.asn1.cms.EncryptedContentInfoParser;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;

/**
 * Reads the encrypted layer (CMS AuthEnvelopedData, AES-256-GCM) as a stream for one recipient: the
 * recipient infos are read first and the content key unwrapped (RSA-OAEP-SHA-256 through the JDK,
 * ECDH P-256 through Bouncy Castle), then the content is decrypted piece by piece through the JDK
 * while the caller reads it; the tag that follows the content is checked by {@link #finish()}.
 */
final class EnvelopeReader {

    private final AuthEnvelopedDataParser data;
    private final GcmDecryptingStream plaintext;

    private EnvelopeReader(AuthEnvelopedDataParser data, GcmDecryptingStream plaintext) {
        this.data = data;
        this.plaintext = plaintext;
    }

    static EnvelopeReader open(InputStream in, PrivateKey key, X509Certificate certificate) {
        try {
            ContentInfoParser info = new ContentInfoParser((ASN1SequenceParser) new ASN1StreamParser(in).readObject());
            if (!CMSObjectIdentifiers.authEnvelopedData.equals(info.getContentType())) {
                throw malformed("no encrypted content", null);
            }
            AuthEnvelopedDataParser data = new AuthEnvelopedDataParser((ASN1SequenceParser) info.getContent(BERTags.SEQUENCE));
            if (data.getVersion().intValueExact() != 0 || data.getOriginatorInfo() != null) {
                throw malformed("not an encrypted layer as CareVault writes it", null);
            }
            List<RecipientInfo> recipients = readRecipients(data.getRecipientInfos());
            EncryptedContentInfoParser content = data.getAuthEncryptedContentInfo();
            AlgorithmIdentifier algorithm = content.getContentEncryptionAlgorithm();
            if (!CMSObjectIdentifiers.data.equals(content.getContentType())
                    || !Algorithms.CONTENT_ENCRYPTION.equals(algorithm.getAlgorithm().getId())) {
                throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "content encryption not allowed", null);
            }
            GCMParameters gcm = GCMParameters.getInstance(algorithm.getParameters());
            if (gcm.getIcvLen() != GcmDecryptingStream.TAG_BYTES || gcm.getNonce().length != GcmDecryptingStream.NONCE_BYTES) {
                throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "GCM needs a 96-bit nonce and a 128-bit tag", null);
            }
            SecretKey contentKey = contentKey(recipients, algorithm, key, certificate);
            ASN1OctetStringParser octets = (ASN1OctetStringParser) content.getEncryptedContent(BERTags.OCTET_STRING);
            if (octets == null) {
                throw malformed("the encrypted content is missing", null);
            }
            return new EnvelopeReader(data, new GcmDecryptingStream(octets.getOctetStream(), contentKey, gcm.getNonce()));
        } catch (SealException e) {
            throw e;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw malformed("no encrypted content", e);
        }
    }

    /** The decrypted content, not yet authenticated. */
    InputStream plaintext() {
        return plaintext;
    }

    /** Reads what is left of the content and checks the tag: until then nothing read may be trusted. */
    void finish() {
        try {
            SignedReader.drain(plaintext);
            if (data.getAuthAttrs() != null) {
                throw malformed("authenticated attributes are not expected", null);
            }
            byte[] mac = data.getMac().getOctets();
            if (!plaintext.tagMatches(mac)) {
                throw new SealException(SealException.Reason.TAMPERED, "the content does not decrypt", null);
            }
            if (data.getUnauthAttrs() != null) {
                throw malformed("unauthenticated attributes are not accepted", null);
            }
        } catch (SealException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SealException(SealException.Reason.TAMPERED, "the content does not decrypt", e);
        }
    }

    private static List<RecipientInfo> readRecipients(ASN1SetParser set) throws IOException {
        List<RecipientInfo> recipients = new ArrayList<>();
        for (ASN1Encodable element = set.readObject(); element != null; element = set.readObject()) {
            recipients.add(RecipientInfo.getInstance(element.toASN1Primitive()));
        }
        return recipients;
    }

    private static SecretKey contentKey(List<RecipientInfo> recipients, AlgorithmIdentifier contentAlgorithm,
            PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        IssuerAndSerialNumber me = new IssuerAndSerialNumber(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()), certificate.getSerialNumber());
        boolean ec = certificate.getPublicKey() instanceof ECPublicKey;
        for (RecipientInfo recipient : recipients) {
            if (!ec && recipient.getInfo() instanceof KeyTransRecipientInfo info && !info.getRecipientIdentifier().isTagged()
                    && me.equals(IssuerAndSerialNumber.getInstance(info.getRecipientIdentifier().getId()))) {
                return unwrapOaep(info, key);
            }
            if (ec && recipient.getInfo() instanceof KeyAgreeRecipientInfo info) {
                for (ASN1Encodable element : info.getRecipientEncryptedKeys()) {
                    RecipientEncryptedKey encrypted = RecipientEncryptedKey.getInstance(element);
                    if (me.equals(encrypted.getIdentifier().getIssuerAndSerialNumber())) {
                        return unwrapEcdh(info, encrypted.getEncryptedKey().getOctets(), contentAlgorithm, key);
                    }
                }
            }
        }
        throw new SealException(SealException.Reason.NOT_A_RECIPIENT, "not addressed to this key", null);
    }

    private static SecretKey unwrapOaep(KeyTransRecipientInfo info, PrivateKey key) {
        AlgorithmIdentifier algorithm = info.getKeyEncryptionAlgorithm();
        if (!PKCSObjectIdentifiers.id_RSAES_OAEP.equals(algorithm.getAlgorithm())
                || !NISTObjectIdentifiers.id_sha256.equals(RSAESOAEPparams.getInstance(algorithm.getParameters())
                        .getHashAlgorithm().getAlgorithm())) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "key transport must be RSA-OAEP-SHA-256", null);
        }
        byte[] contentKey = null;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT));
            contentKey = rsa.doFinal(info.getEncryptedKey().getOctets());
            return new SecretKeySpec(contentKey, "AES");
        } catch (GeneralSecurityException e) {
            throw new SealException(SealException.Reason.TAMPERED, "the content key does not unwrap", e);
        } finally {
            if (contentKey != null) {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
    }

    private static SecretKey unwrapEcdh(KeyAgreeRecipientInfo info, byte[] wrapped, AlgorithmIdentifier contentAlgorithm,
            PrivateKey key) {
        if (!CMSAlgorithm.ECDH_SHA256KDF.equals(info.getKeyEncryptionAlgorithm().getAlgorithm())
                || info.getOriginator().getOriginatorKey() == null) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "key agreement must be ephemeral ECDH with the SHA-256 KDF", null);
        }
        try {
            KeyAgreement agreement = new KeyAgreement(key);
            // The originator's key is stored without curve parameters: they are the recipient's own.
            SubjectPublicKeyInfo originator = new SubjectPublicKeyInfo(agreement.getPrivateKeyAlgorithmIdentifier(),
                    info.getOriginator().getOriginatorKey().getPublicKey().getBytes());
            byte[] encoded = agreement.contentKey(info.getKeyEncryptionAlgorithm(), contentAlgorithm, originator,
                    info.getUserKeyingMaterial(), wrapped).getEncoded();
            try {
                return new SecretKeySpec(encoded, "AES");
            } finally {
                Arrays.fill(encoded, (byte) 0);
            }
        } catch (CMSException | RuntimeException e) {
            throw new SealException(SealException.Reason.TAMPERED, "the content key does not unwrap", e);
        }
    }

    /** Bouncy Castle's ECDH + KDF + AES key unwrap, used for the content key only. */
    private static final class KeyAgreement extends JceKeyAgreeRecipient {
        KeyAgreement(PrivateKey key) {
            super(key);
            setProvider(Algorithms.BC);
        }

        Key contentKey(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier contentEncryption,
                SubjectPublicKeyInfo originator, org.bouncycastle.asn1.ASN1OctetString ukm, byte[] wrapped) throws CMSException {
            return extractSecretKey(keyEncryption, contentEncryption, originator, ukm, wrapped);
        }

        @Override
        public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier contentEncryption,
                SubjectPublicKeyInfo originator, org.bouncycastle.asn1.ASN1OctetString ukm, byte[] wrapped) {
            throw new UnsupportedOperationException("the content is decrypted by EnvelopeReader");
        }
    }

    private static SealException malformed(String message, Exception cause) {
        return new SealException(SealException.Reason.MALFORMED, message, cause);
    }
}
