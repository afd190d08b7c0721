package org.carevault.crypto.seal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x500.X500Name;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;

/**
 * Opens a message made by {@link Sealer}: verifies the outer signature, decrypts for the recipient,
 * verifies the inner signature, and checks that both are by the same sender whose certificate
 * chains to a trust anchor and was valid at the given time. Every failure has its own reason.
 */
public final class Unsealer {

    /** The content and the sender whose signatures were verified. */
    public record Unsealed(byte[] content, X509Certificate sender) {
    }

    private Unsealer() {
    }

    public static Unsealed unseal(byte[] sealed, PrivateKey recipientKey, X509Certificate recipientCertificate,
            Collection<X509Certificate> trustAnchors, Instant at) {
        return unseal(sealed, recipientKey, recipientCertificate, trustAnchors, at, java.util.List.of());
    }

    /** As above, also refusing a sender whose certificate was revoked at {@code at} by one of the CRLs. */
    public static Unsealed unseal(byte[] sealed, PrivateKey recipientKey, X509Certificate recipientCertificate,
            Collection<X509Certificate> trustAnchors, Instant at, Collection<java.security.cert.X509CRL> crls) {
        requireCanonical(sealed);
        Signatures.Verified outer = Signatures.verify(sealed);
        byte[] inner = decrypt(outer.content(), recipientKey, recipientCertificate);
        Signatures.Verified innerSigned = Signatures.verify(inner);
        if (!outer.signer().equals(innerSigned.signer())) {
            throw new SealException(SealException.Reason.SIGNERS_DIFFER, "inner and outer signers differ", null);
        }
        Signatures.validatePath(innerSigned.signer(), innerSigned.chain(), trustAnchors, at, crls);
        return new Unsealed(innerSigned.content(), innerSigned.signer());
    }

    /**
     * The outer layer is not covered by any signature, so it must be exactly what CareVault writes:
     * signed data, version 1, SHA-256 only, in its one DER encoding. A message whose unsigned wrapper
     * bytes were altered is refused, not silently read.
     */
    private static void requireCanonical(byte[] sealed) {
        try {
            CMSSignedData signed = new CMSSignedData(sealed);
            boolean digestsAsWritten = signed.getDigestAlgorithmIDs().size() == 1 && Algorithms.DIGESTS.contains(
                    signed.getDigestAlgorithmIDs().iterator().next().getAlgorithm().getId());
            if (!CMSObjectIdentifiers.signedData.equals(signed.toASN1Structure().getContentType())
                    || signed.getVersion() != 1 || !digestsAsWritten
                    || !Arrays.equals(signed.getEncoded(ASN1Encoding.DER), sealed)) {
                throw new SealException(SealException.Reason.MALFORMED, "not a sealed message as CareVault writes it", null);
            }
        } catch (SealException e) {
            throw e;
        } catch (Exception e) {
            throw new SealException(SealException.Reason.MALFORMED, "not a signed message", e);
        }
    }

    /**
     * RSA recipients: the content key is unwrapped with RSA-OAEP-SHA-256 and the content decrypted
     * with the JDK's AES-GCM (an order of magnitude faster than going through Bouncy Castle's).
     */
    private static byte[] decryptWithJdk(byte[] envelope, PrivateKey key, X509Certificate certificate) {
        AuthEnvelopedData data = AuthEnvelopedData.getInstance(ContentInfo.getInstance(envelope).getContent());
        KeyTransRecipientInfo info = keyTransFor(data, certificate);
        RSAESOAEPparams oaep = RSAESOAEPparams.getInstance(info.getKeyEncryptionAlgorithm().getParameters());
        if (!NISTObjectIdentifiers.id_sha256.equals(oaep.getHashAlgorithm().getAlgorithm())) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "OAEP must use SHA-256", null);
        }
        byte[] contentKey;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT));
            contentKey = rsa.doFinal(info.getEncryptedKey().getOctets());
        } catch (GeneralSecurityException e) {
            throw new SealException(SealException.Reason.TAMPERED, "the content key does not unwrap", e);
        }
        EncryptedContentInfo content = data.getAuthEncryptedContentInfo();
        GCMParameters gcm = GCMParameters.getInstance(content.getContentEncryptionAlgorithm().getParameters());
        try {
            byte[] aad = data.getAuthAttrs() == null ? null : data.getAuthAttrs().getEncoded(ASN1Encoding.DER);
            return Chunks.decryptGcm(new SecretKeySpec(contentKey, "AES"), gcm.getNonce(), gcm.getIcvLen(), aad,
                    content.getEncryptedContent().getOctets(), data.getMac().getOctets());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new SealException(SealException.Reason.TAMPERED, "the content does not decrypt", e);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private static KeyTransRecipientInfo keyTransFor(AuthEnvelopedData data, X509Certificate certificate) {
        for (var element : data.getRecipientInfos()) {
            RecipientInfo recipient = RecipientInfo.getInstance(element);
            if (recipient.getInfo() instanceof KeyTransRecipientInfo info && !info.getRecipientIdentifier().isTagged()) {
                IssuerAndSerialNumber issuerSerial = IssuerAndSerialNumber.getInstance(info.getRecipientIdentifier().getId());
                if (issuerSerial.getSerialNumber().getValue().equals(certificate.getSerialNumber())
                        && issuerSerial.getName().equals(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))) {
                    return info;
                }
            }
        }
        throw new SealException(SealException.Reason.NOT_A_RECIPIENT, "not addressed to this key", null);
    }

    private static byte[] decrypt(byte[] envelope, PrivateKey key, X509Certificate certificate) {
        CMSAuthEnvelopedData data;
        try {
            data = new CMSAuthEnvelopedData(envelope);
        } catch (CMSException | RuntimeException e) {
            throw new SealException(SealException.Reason.MALFORMED, "no encrypted content", e);
        }
        if (!Algorithms.CONTENT_ENCRYPTION.equals(data.getEncryptionAlgOID())) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "content encryption not allowed", null);
        }
        boolean ec = certificate.getPublicKey() instanceof java.security.interfaces.ECPublicKey;
        RecipientInformation recipient = data.getRecipientInfos().get(ec
                ? new org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId(certificate)
                : new JceKeyTransRecipientId(certificate));
        if (recipient == null) {
            throw new SealException(SealException.Reason.NOT_A_RECIPIENT, "not addressed to this key", null);
        }
        if (!Algorithms.KEY_MANAGEMENT.contains(recipient.getKeyEncryptionAlgOID())) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "key management not allowed", null);
        }
        if (!ec) {
            return decryptWithJdk(envelope, key, certificate);
        }
        try {
            // The JDK has no AlgorithmParameters for the AES-GCM OID, so BC's recipient needs BC for the content.
            org.bouncycastle.cms.Recipient opener = ec
                    ? new org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient(key).setProvider(Algorithms.BC)
                            .setContentProvider(Algorithms.BC)
                    : new JceKeyTransAuthEnvelopedRecipient(key).setContentProvider(Algorithms.BC);
            return recipient.getContent(opener);
        } catch (CMSException | RuntimeException e) {
            throw new SealException(SealException.Reason.TAMPERED, "the content does not decrypt", e);
        }
    }
}
