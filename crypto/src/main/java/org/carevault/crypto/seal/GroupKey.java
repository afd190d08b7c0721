package org.carevault.crypto.seal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.carevault.crypto.pki.Credential;

/**
 * Unaddressed (group) messages, e.g. "the pharmacists of pharmacy X". The group has its own
 * encryption key pair and certificate (published as the group's encryption token); senders seal to
 * that certificate like to any recipient. The group's private key is handed to each member as a
 * sealed message: signed by the group's key manager, encrypted for that member's own encryption
 * certificate. The hub stores only those sealed copies, never the key itself. Adding a member is
 * one more copy; removing one means a new group key for messages from then on.
 */
public final class GroupKey {

    /** A member's readable copy of the group key, as opened from its sealed form. */
    public record Opened(PrivateKey groupKey, X509Certificate keyManager) {
    }

    private GroupKey() {
    }

    /** The group's private key, sealed by the key manager for one member (and the manager). */
    public static byte[] shareWith(Credential group, Credential keyManager, X509Certificate memberEncryption) {
        return Sealer.seal(group.privateKey().getEncoded(), keyManager, List.of(memberEncryption));
    }

    /**
     * Opens a member's copy: it must be sealed by a trusted key manager (the caller checks that the
     * returned manager is the one entitled to manage this group) and hold a key of the group's type.
     */
    public static Opened open(byte[] sealedShare, Credential member, Collection<X509Certificate> trustAnchors,
            X509Certificate groupCertificate, Instant at) {
        Unsealer.Unsealed unsealed = Unsealer.unseal(sealedShare, member.privateKey(), member.certificate(), trustAnchors, at);
        try {
            String algorithm = groupCertificate.getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(unsealed.content()));
            return new Opened(key, unsealed.sender());
        } catch (GeneralSecurityException e) {
            throw new SealException(SealException.Reason.MALFORMED, "the share holds no key of the group's type", e);
        }
    }
}
