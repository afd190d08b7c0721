package org.carevault.crypto.seal;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The only algorithms sealed messages may use: signatures RSASSA-PSS with SHA-256 or ECDSA P-256
 * with SHA-256; content AES-256-GCM; key transport RSAES-OAEP with SHA-256, or for EC recipients
 * ephemeral-static ECDH P-256 with the SHA-256 KDF and AES-256 key wrap. No PKCS#1 v1.5, no CBC, no SHA-1.
 */
final class Algorithms {

    /** Passed explicitly where needed, never registered as a JCA provider (it would slow AES and SHA-256). */
    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    static final Set<String> SIGNATURES = Set.of(PKCSObjectIdentifiers.id_RSASSA_PSS.getId(),
            X9ObjectIdentifiers.ecdsa_with_SHA256.getId());
    static final Set<String> DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256.getId());
    static final String CONTENT_ENCRYPTION = NISTObjectIdentifiers.id_aes256_GCM.getId();
    static final Set<String> KEY_MANAGEMENT = Set.of(PKCSObjectIdentifiers.id_RSAES_OAEP.getId(),
            org.bouncycastle.cms.CMSAlgorithm.ECDH_SHA256KDF.getId());

    private Algorithms() {
    }

    static String signatureFor(PrivateKey key) {
        return key instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSAandMGF1";
    }
}
