package org.carevault.crypto.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Selector;
import org.bouncycastle.util.Store;
import org.carevault.crypto.pki.Credential;

/**
 * CMS signatures as CareVault makes and accepts them (one signer, content included, RSASSA-PSS or
 * ECDSA over SHA-256; DER when made in one piece, BER when streamed), and the certificate path check that goes with them. Shared by sealing
 * and by encryption tokens.
 */
public final class Signatures {

    /** Verified signed content, its signer and the certificates that travelled with it. */
    public record Verified(byte[] content, X509Certificate signer, List<X509Certificate> chain) {
    }

    /** A verified signer and the certificates that travelled with its signature. */
    public record Signer(X509Certificate certificate, List<X509Certificate> chain) {
    }

    private Signatures() {
    }

    public static byte[] sign(byte[] content, Credential signer) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo(signer));
            generator.addCertificates(travelling(signer));
            return generator.generate(Chunks.content(content), true).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException | GeneralSecurityException e) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "cannot sign with this key", e);
        }
    }

    /** A verified detached signature: its signer, the signature value, and the signature's time-stamp token if any. */
    public record Detached(Signer signer, byte[] signatureValue, Optional<byte[]> timeStampToken) {
    }

    /**
     * A detached signature over the content (the content is not included), for documents that carry their own
     * signature (PDF). With a time-stamper, the signature value is time-stamped and the token added as the
     * signature's unsigned {@code signatureTimeStampToken} attribute (RFC 3161 appendix A).
     */
    public static byte[] signDetached(byte[] content, Credential signer,
            Optional<UnaryOperator<byte[]>> timeStamper) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo(signer));
            generator.addCertificates(travelling(signer));
            CMSSignedData signed = generator.generate(new org.bouncycastle.cms.CMSProcessableByteArray(content), false);
            if (timeStamper.isPresent()) {
                SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
                byte[] token = timeStamper.get().apply(info.getSignature());
                var attribute = new org.bouncycastle.asn1.cms.Attribute(
                        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new org.bouncycastle.asn1.DERSet(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(token)));
                var attributes = new org.bouncycastle.asn1.ASN1EncodableVector();
                attributes.add(attribute);
                info = SignerInformation.replaceUnsignedAttributes(info, new org.bouncycastle.asn1.cms.AttributeTable(attributes));
                signed = CMSSignedData.replaceSigners(signed, new SignerInformationStore(info));
            }
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException | GeneralSecurityException e) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "cannot sign with this key", e);
        }
    }

    /** Verifies a detached signature over the content; says nothing yet about trust (nor about its time-stamp). */
    public static Detached verifyDetached(byte[] encoded, byte[] content) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(content), encoded);
        } catch (CMSException | RuntimeException e) {
            throw new SealException(SealException.Reason.MALFORMED, "not a signature", e);
        }
        Signer signer = verifySigner(signed.getSignerInfos(), signed.getCertificates());
        SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
        Optional<byte[]> token = Optional.ofNullable(info.getUnsignedAttributes())
                .map(attributes -> attributes.get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signatureTimeStampToken))
                .map(attribute -> {
                    try {
                        return attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER);
                    } catch (IOException e) {
                        throw new SealException(SealException.Reason.MALFORMED, "the time-stamp cannot be read", e);
                    }
                });
        return new Detached(signer, info.getSignature(), token);
    }

    /**
     * Opens a signed layer around whatever is written to the returned stream (BER, content in
     * 16 KiB pieces, the signature written on close). Closing it does not close {@code out}.
     */
    static OutputStream openSigned(OutputStream out, Credential signer)
            throws OperatorCreationException, CMSException, GeneralSecurityException, IOException {
        CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
        generator.setBufferSize(Chunks.SIZE);
        generator.addSignerInfoGenerator(signerInfo(signer));
        generator.addCertificates(travelling(signer));
        return generator.open(out, true);
    }

    private static SignerInfoGenerator signerInfo(Credential signer) throws OperatorCreationException, GeneralSecurityException {
        var contentSigner = new JcaContentSignerBuilder(Algorithms.signatureFor(signer.privateKey()))
                .setProvider(Algorithms.BC).build(signer.privateKey());
        return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(contentSigner, signer.certificate());
    }

    /**
     * The chain without its self-signed root: the reader's trust anchors supply that, and every
     * certificate that travels is then bound to the signature or to the path checked on reading.
     */
    private static JcaCertStore travelling(Credential signer) throws GeneralSecurityException {
        return new JcaCertStore(signer.chain().stream()
                .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList());
    }

    /** Verifies the one signature over the included content; says nothing yet about trust. */
    public static Verified verify(byte[] encoded) {
        try {
            return verifyOf(encoded);
        } catch (SealException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SealException(SealException.Reason.MALFORMED, "not a signed message", e);
        }
    }

    private static Verified verifyOf(byte[] encoded) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(encoded);
        } catch (CMSException e) {
            throw new SealException(SealException.Reason.MALFORMED, "not a signed message", e);
        }
        if (signed.getSignedContent() == null) {
            throw new SealException(SealException.Reason.MALFORMED, "the content is not included", null);
        }
        Signer signer = verifySigner(signed.getSignerInfos(), signed.getCertificates());
        return new Verified((byte[]) signed.getSignedContent().getContent(), signer.certificate(), signer.chain());
    }

    /**
     * Verifies that there is exactly one signer, with allowed algorithms, whose certificate travelled
     * with the message and whose signature covers the (already digested) content.
     */
    @SuppressWarnings("unchecked")
    static Signer verifySigner(SignerInformationStore signers, Store<X509CertificateHolder> certificates) {
        if (signers.size() != 1) {
            throw new SealException(SealException.Reason.MALFORMED, "exactly one signer expected", null);
        }
        SignerInformation signer = signers.getSigners().iterator().next();
        if (signer.getVersion() != 1) {
            throw new SealException(SealException.Reason.MALFORMED, "the signer must be named by issuer and serial number", null);
        }
        if (!Algorithms.SIGNATURES.contains(signer.getEncryptionAlgOID())
                || !Algorithms.DIGESTS.contains(signer.getDigestAlgOID())) {
            throw new SealException(SealException.Reason.ALGORITHM_NOT_ALLOWED, "signature algorithm not allowed", null);
        }
        Collection<X509CertificateHolder> matches = certificates.getMatches((Selector<X509CertificateHolder>) (Selector<?>) signer.getSID());
        if (matches.isEmpty()) {
            throw new SealException(SealException.Reason.MALFORMED, "the signer's certificate is missing", null);
        }
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            // Digests through the JDK (BC's SHA-256 is many times slower), the PSS/ECDSA check through BC.
            var verifier = new JcaSignerInfoVerifierBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setProvider(Algorithms.BC).build(certificate);
            if (!signer.verify(verifier)) {
                throw new SealException(SealException.Reason.TAMPERED, "the signature does not verify", null);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (X509CertificateHolder holder : certificates.getMatches(null)) {
                chain.add(converter.getCertificate(holder));
            }
            return new Signer(certificate, chain);
        } catch (SealException e) {
            throw e;
        } catch (Exception e) {
            throw new SealException(SealException.Reason.TAMPERED, "the signature does not verify", e);
        }
    }

    /** Checks that a certificate chains to one of the anchors and was valid at the given time. */
    public static void validatePath(X509Certificate certificate, List<X509Certificate> chain,
            Collection<X509Certificate> anchors, Instant at) {
        validatePath(certificate, chain, anchors, at, List.of());
    }

    /**
     * As {@link #validatePath(X509Certificate, List, Collection, Instant)}, and not revoked at that
     * time by any of the CRLs signed by the certificate's issuer (a revocation after that time does
     * not undo what was signed before it). CRLs not signed by the issuer are ignored.
     */
    public static void validatePath(X509Certificate certificate, List<X509Certificate> chain,
            Collection<X509Certificate> anchors, Instant at, Collection<X509CRL> crls) {
        validateChain(certificate, chain, anchors, at);
        X509Certificate issuer = Stream.concat(anchors.stream(), chain.stream())
                .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .findFirst().orElse(null);
        for (X509CRL crl : crls) {
            if (issuer == null || !crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                continue;
            }
            var entry = crl.getRevokedCertificate(certificate);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                throw new SealException(SealException.Reason.CERTIFICATE_REVOKED, "the certificate was revoked then", null);
            }
        }
    }

    private static void validateChain(X509Certificate certificate, List<X509Certificate> chain,
            Collection<X509Certificate> anchors, Instant at) {
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(certificate);
            chain.stream().filter(c -> !c.equals(certificate) && !anchors.contains(c)
                    && c.getBasicConstraints() >= 0).forEach(path::add);
            PKIXParameters parameters = new PKIXParameters(
                    anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet()));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path),
                    parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                throw new SealException(SealException.Reason.CERTIFICATE_EXPIRED, "the certificate was not valid then", e);
            }
            throw new SealException(SealException.Reason.SIGNER_NOT_TRUSTED,
                    e.getReason() == PKIXReason.NO_TRUST_ANCHOR ? "not issued by a trusted CA" : "the certificate path is not valid", e);
        } catch (GeneralSecurityException e) {
            throw new SealException(SealException.Reason.SIGNER_NOT_TRUSTED, "the certificate path is not valid", e);
        }
    }
}
