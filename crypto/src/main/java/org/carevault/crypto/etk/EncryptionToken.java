package org.carevault.crypto.etk;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Signatures;

/**
 * An encryption token (ETK): the owner's encryption certificate, signed (CMS, RSASSA-PSS or ECDSA)
 * with the owner's authentication key, so that a key directory and every sender can check that the
 * owner published it. An owner may hold several tokens over time (key rotation); a message sealed
 * for an old token stays readable with the old key.
 */
public final class EncryptionToken {

    /** A token whose signature, owner and certificates were checked. */
    public record Verified(X509Certificate encryptionCertificate, X509Certificate authenticationCertificate,
            CertificateIdentity owner) {
    }

    private EncryptionToken() {
    }

    /** Publishes an encryption certificate under the owner's authentication key. */
    public static byte[] create(Credential authentication, X509Certificate encryptionCertificate) {
        CertificateIdentity owner = identityOf(authentication.certificate());
        if (!owner.equals(identityOf(encryptionCertificate))) {
            throw new SealException(SealException.Reason.SIGNERS_DIFFER, "the encryption certificate names another owner", null);
        }
        return signed(authentication, encryptionCertificate);
    }

    /**
     * Verifies a token: a valid signature by an authentication certificate that chains to a trust
     * anchor, an encryption certificate that chains too, both valid at {@code at} and both naming the
     * same care identity.
     */
    public static Verified verify(byte[] token, Collection<X509Certificate> trustAnchors, Instant at) {
        Opened opened = open(token, trustAnchors, at);
        CertificateIdentity owner = identityOf(opened.signer());
        if (!owner.equals(identityOf(opened.encryption()))) {
            throw new SealException(SealException.Reason.SIGNERS_DIFFER, "signed by someone other than the owner", null);
        }
        return new Verified(opened.encryption(), opened.signer(), owner);
    }

    private static byte[] signed(Credential authentication, X509Certificate encryptionCertificate) {
        try {
            return Signatures.sign(encryptionCertificate.getEncoded(), authentication);
        } catch (CertificateEncodingException e) {
            throw new SealException(SealException.Reason.MALFORMED, "the certificate cannot be encoded", e);
        }
    }

    /** A token's signer and encryption certificate, the signature verified and both chaining to a trust anchor at {@code at}. */
    private record Opened(X509Certificate signer, X509Certificate encryption) {
    }

    private static Opened open(byte[] token, Collection<X509Certificate> trustAnchors, Instant at) {
        Signatures.Verified signed = Signatures.verify(token);
        X509Certificate encryption;
        try {
            encryption = new JcaX509CertificateConverter().getCertificate(new X509CertificateHolder(signed.content()));
        } catch (Exception e) {
            throw new SealException(SealException.Reason.MALFORMED, "the token holds no certificate", e);
        }
        Signatures.validatePath(signed.signer(), signed.chain(), trustAnchors, at);
        Signatures.validatePath(encryption, signed.chain(), trustAnchors, at);
        return new Opened(signed.signer(), encryption);
    }

    /**
     * A service's token (a hub's: no care identity), its encryption certificate published under the service's
     * authentication key; both certificates name the same subject.
     */
    public static byte[] createForService(Credential authentication, X509Certificate encryptionCertificate) {
        if (!authentication.certificate().getSubjectX500Principal().equals(encryptionCertificate.getSubjectX500Principal())) {
            throw new SealException(SealException.Reason.SIGNERS_DIFFER, "the encryption certificate names another owner", null);
        }
        return signed(authentication, encryptionCertificate);
    }

    /**
     * Verifies a service's token: signed by a certificate that chains to a trust anchor and names {@code subject},
     * holding an encryption certificate of the same subject that chains too, both valid at {@code at}. Returns the
     * encryption certificate to seal to.
     */
    public static X509Certificate verifyService(byte[] token, javax.security.auth.x500.X500Principal subject,
            Collection<X509Certificate> trustAnchors, Instant at) {
        Opened opened = open(token, trustAnchors, at);
        if (!opened.signer().getSubjectX500Principal().equals(subject)
                || !opened.encryption().getSubjectX500Principal().equals(subject)) {
            throw new SealException(SealException.Reason.SIGNERS_DIFFER, "the token is not the expected service's", null);
        }
        return opened.encryption();
    }

    private static CertificateIdentity identityOf(X509Certificate certificate) {
        return CertificateIdentity.parse(certificate.getSubjectX500Principal())
                .orElseThrow(() -> new SealException(SealException.Reason.SIGNER_NOT_TRUSTED,
                        "the certificate carries no care identity", null));
    }
}
