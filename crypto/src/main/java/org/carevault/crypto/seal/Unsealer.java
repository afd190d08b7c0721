package org.carevault.crypto.seal;

import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

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
        requireCanonical(sealed);
        Signed outer = verifySignature(sealed);
        byte[] inner = decrypt(outer.content(), recipientKey, recipientCertificate);
        Signed innerSigned = verifySignature(inner);
        if (!outer.signer().equals(innerSigned.signer())) {
            throw new SealException(SealException.Reason.SIGNERS_DIFFER, "inner and outer signers differ", null);
        }
        validatePath(innerSigned.signer(), innerSigned.chain(), trustAnchors, at);
        return new Unsealed(innerSigned.content(), innerSigned.signer());
    }

    /**
     * The outer layer is not covered by any signature, so it must be the one DER encoding of its
     * meaning: a message whose unsigned wrapper bytes were altered is refused, not silently read.
     */
    private static void requireCanonical(byte[] sealed) {
        try {
            CMSSignedData signed = new CMSSignedData(sealed);
            if (!CMSObjectIdentifiers.signedData.equals(signed.toASN1Structure().getContentType())) {
                throw new SealException(SealException.Reason.MALFORMED, "not signed data", null);
            }
            // Unsigned fields that a reader would otherwise ignore: only the values CareVault writes pass.
            boolean digestsAsWritten = signed.getDigestAlgorithmIDs().size() == 1 && Algorithms.DIGESTS.contains(
                    signed.getDigestAlgorithmIDs().iterator().next().getAlgorithm().getId());
            if (signed.getVersion() != 1 || !digestsAsWritten) {
                throw new SealException(SealException.Reason.MALFORMED, "unexpected signed-data fields", null);
            }
            if (!java.util.Arrays.equals(signed.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER), sealed)) {
                throw new SealException(SealException.Reason.MALFORMED, "not in canonical (DER) form", null);
            }
        } catch (SealException e) {
            throw e;
        } catch (Exception e) {
            throw new SealException(SealException.Reason.MALFORMED, "not a signed message", e);
        }
    }

    private record Signed(byte[] content, X509Certificate signer, List<X509Certificate> chain) {
    }

    private static Signed verifySignature(byte[] encoded) {
        try {
            return verifySignatureOf(encoded);
        } catch (SealException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SealException(SealException.Reason.MALFORMED, "not a signed message", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Signed verifySignatureOf(byte[] encoded) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(encoded);
        } catch (CMSException | RuntimeException e) {
            throw new SealException(SealException.Reason.MALFORMED, "not a signed message", e);
        }
        if (signed.getSignerInfos().size() != 1 || signed.getSignedContent() == null) {
            throw new SealException(SealException.Reason.MALFORMED, "exactly one signer over included content expected", null);
        }
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        if (!Algorithms.SIGNATURES.contains(signer.getEncryptionAlgOID())
                || !Algorithms.DIGESTS.contains(signer.getDigestAlgOID())) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "signature algorithm not allowed", null);
        }
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches((Selector<X509CertificateHolder>) (Selector<?>) signer.getSID());
        if (matches.isEmpty()) {
            throw new SealException(SealException.Reason.MALFORMED, "the signer's certificate is missing", null);
        }
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Algorithms.BC).build(certificate))) {
                throw new SealException(SealException.Reason.TAMPERED, "the signature does not verify", null);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (X509CertificateHolder holder : (Collection<X509CertificateHolder>) signed.getCertificates().getMatches(null)) {
                chain.add(converter.getCertificate(holder));
            }
            return new Signed((byte[]) signed.getSignedContent().getContent(), certificate, chain);
        } catch (SealException e) {
            throw e;
        } catch (Exception e) {
            throw new SealException(SealException.Reason.TAMPERED, "the signature does not verify", e);
        }
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
        RecipientInformation recipient = data.getRecipientInfos().get(new JceKeyTransRecipientId(certificate));
        if (recipient == null) {
            throw new SealException(SealException.Reason.NOT_A_RECIPIENT, "not addressed to this key", null);
        }
        if (!Algorithms.KEY_TRANSPORT.equals(recipient.getKeyEncryptionAlgOID())) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "key transport not allowed", null);
        }
        try {
            // The JDK has no AlgorithmParameters for the AES-GCM OID, so the content goes through BC here.
            return recipient.getContent(new JceKeyTransAuthEnvelopedRecipient(key).setContentProvider(Algorithms.BC));
        } catch (CMSException | RuntimeException e) {
            throw new SealException(SealException.Reason.TAMPERED, "the content does not decrypt", e);
        }
    }

    private static void validatePath(X509Certificate signer, List<X509Certificate> chain,
            Collection<X509Certificate> anchors, Instant at) {
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(signer);
            chain.stream().filter(c -> !c.equals(signer) && !anchors.contains(c)).forEach(path::add);
            PKIXParameters parameters = new PKIXParameters(
                    anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet()));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path),
                    parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                throw new SealException(SealException.Reason.CERTIFICATE_EXPIRED, "the sender's certificate was not valid then", e);
            }
            if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
                throw new SealException(SealException.Reason.SIGNER_NOT_TRUSTED, "the sender is not trusted", e);
            }
            throw new SealException(SealException.Reason.SIGNER_NOT_TRUSTED, "the sender's certificate path is not valid", e);
        } catch (java.security.GeneralSecurityException e) {
            throw new SealException(SealException.Reason.SIGNER_NOT_TRUSTED, "the sender's certificate path is not valid", e);
        }
    }
}
