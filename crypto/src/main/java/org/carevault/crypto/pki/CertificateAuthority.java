package org.carevault.crypto.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority: issues the hub's own certificates and, in dev mode, the demo
 * certificates of professionals and organisations. RSA keys (3072 bits for the CA, 2048 for
 * end entities) signed with SHA-256.
 */
public final class CertificateAuthority {

    /** What an issued certificate may be used for. */
    public enum Usage {
        /** A care party's authentication and signing certificate (TLS client, WS-Security signature). */
        PARTY(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}),
        /** A server certificate (TLS server) for the given host names. */
        SERVER(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}),
        /** A time-stamp authority (RFC 3161: the only purpose, and critical). */
        TIME_STAMPING(new KeyPurposeId[] {KeyPurposeId.id_kp_timeStamping});

        private final KeyPurposeId[] purposes;

        Usage(KeyPurposeId[] purposes) {
            this.purposes = purposes;
        }

        private boolean criticalPurpose() {
            return this == TIME_STAMPING;
        }
    }

    /** The key pair an end entity gets. */
    public enum KeyType {
        /** RSA 2048 (signatures, OAEP key transport). */
        RSA,
        /** ECDSA/ECDH on P-256 (signatures, key agreement). */
        EC_P256
    }

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credential credential;

    private CertificateAuthority(Credential credential) {
        this.credential = credential;
    }

    public static CertificateAuthority of(Credential credential) {
        return new CertificateAuthority(credential);
    }

    /** Creates a new self-signed root valid from now for the given time. */
    public static CertificateAuthority createRoot(X500Principal subject, Duration validity) {
        KeyPair keys = generateRsa(3072);
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), now.minus(Duration.ofMinutes(5)),
                    now.plus(validity));
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys);
            return new CertificateAuthority(new Credential(keys.getPrivate(), List.of(certificate)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot create a root certificate", e);
        }
    }

    public Credential credential() {
        return credential;
    }

    public X509Certificate certificate() {
        return credential.certificate();
    }

    /** Issues a certificate valid from now for the given time. */
    public Credential issue(X500Principal subject, Duration validity, Usage usage, String... dnsNames) {
        Instant now = Instant.now();
        return issue(subject, now.minus(Duration.ofMinutes(5)), now.plus(validity), usage, dnsNames);
    }

    /** Issues a certificate with an explicit validity period (also one already over, for tests of expiry). */
    public Credential issue(X500Principal subject, Instant notBefore, Instant notAfter, Usage usage, String... dnsNames) {
        return issue(subject, notBefore, notAfter, usage, KeyType.RSA, dnsNames);
    }

    /** Issues a certificate for a new key of the given type, valid from now for the given time. */
    public Credential issue(X500Principal subject, Duration validity, Usage usage, KeyType keyType) {
        Instant now = Instant.now();
        return issue(subject, now.minus(Duration.ofMinutes(5)), now.plus(validity), usage, keyType);
    }

    private Credential issue(X500Principal subject, Instant notBefore, Instant notAfter, Usage usage, KeyType keyType,
            String... dnsNames) {
        KeyPair keys = keyType == KeyType.EC_P256 ? generateEc() : generateRsa(2048);
        int keyUsage = keyType == KeyType.EC_P256 ? KeyUsage.digitalSignature | KeyUsage.keyAgreement
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
        try {
            X509v3CertificateBuilder builder = builder(certificate().getSubjectX500Principal(), subject,
                    keys.getPublic(), notBefore, notAfter);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.extendedKeyUsage, usage.criticalPurpose(), new ExtendedKeyUsage(usage.purposes));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(certificate()));
            if (dnsNames.length > 0) {
                GeneralName[] names = new GeneralName[dnsNames.length];
                for (int i = 0; i < dnsNames.length; i++) {
                    // An IP literal goes in as an address: TLS clients do not match IPs against DNS names.
                    boolean address = dnsNames[i].matches("[0-9.]+|.*:.*");
                    names[i] = new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, dnsNames[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            X509Certificate issued = sign(builder, new KeyPair(certificate().getPublicKey(), credential.privateKey()));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(issued);
            chain.addAll(credential.chain());
            return new Credential(keys.getPrivate(), chain);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot issue a certificate", e);
        }
    }

    /** A certificate revocation list naming the given serial numbers with their revocation times. */
    public X509CRL crl(Map<BigInteger, Instant> revoked, Duration nextUpdate) {
        Instant now = Instant.now();
        org.bouncycastle.cert.X509v2CRLBuilder builder = new org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder(
                certificate().getSubjectX500Principal(), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(nextUpdate)));
        revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at),
                org.bouncycastle.asn1.x509.CRLReason.keyCompromise));
        try {
            var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(credential.privateKey());
            return new org.bouncycastle.cert.jcajce.JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (OperatorCreationException | CRLException e) {
            throw new PkiException("cannot issue a CRL", e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Principal issuer, X500Principal subject, PublicKey key,
            Instant notBefore, Instant notAfter) {
        BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notAfter), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
            throws GeneralSecurityException {
        try {
            var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no signer for " + SIGNATURE_ALGORITHM, e);
        }
    }

    private static KeyPair generateEc() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("EC P-256 is not available", e);
        }
    }

    private static KeyPair generateRsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("RSA is not available", e);
        }
    }
}
