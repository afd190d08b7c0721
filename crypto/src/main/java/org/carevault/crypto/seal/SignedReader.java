package org.carevault.crypto.seal;

import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Reads one signed layer as a stream: the content is digested while the caller reads it, and the
 * signature is checked at the end. Only the shape CareVault writes is accepted: signed data version
 * 1 over id-data, SHA-256 as the one digest, no CRLs and no unsigned attributes, so that nothing
 * outside the signature's cover can be added to a message without it being refused.
 */
final class SignedReader {

    private final InputStream in;
    private final Parser parser;
    private final InputStream content;

    private SignedReader(InputStream in, Parser parser, InputStream content) {
        this.in = in;
        this.parser = parser;
        this.content = content;
    }

    static SignedReader open(InputStream in) {
        try {
            Parser parser = new Parser(in);
            CMSTypedStream signed = parser.getSignedContent();
            if (!CMSObjectIdentifiers.signedData.equals(parser.contentType()) || parser.getVersion() != 1 || parser.getDigestAlgorithmIDs().size() != 1
                    || !Algorithms.DIGESTS.contains(digestOf(parser)) || signed == null
                    || !CMSObjectIdentifiers.data.equals(signed.getContentType())) {
                throw new SealException(SealException.Reason.MALFORMED, "not a signed layer as CareVault writes it", null);
            }
            return new SignedReader(in, parser, signed.getContentStream());
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw malformed(e);
        }
    }

    private static String digestOf(CMSSignedDataParser parser) {
        AlgorithmIdentifier digest = parser.getDigestAlgorithmIDs().iterator().next();
        return digest.getAlgorithm().getId();
    }

    /** The signed content; digested as it is read. */
    InputStream content() {
        return content;
    }

    /** Bouncy Castle's parser, which does not itself check the content type of the outermost wrapper. */
    private static final class Parser extends CMSSignedDataParser {
        Parser(InputStream in) throws CMSException, OperatorCreationException {
            super(new JcaDigestCalculatorProviderBuilder().build(), in);
        }

        org.bouncycastle.asn1.ASN1ObjectIdentifier contentType() {
            return _contentInfo.getContentType();
        }
    }

    /**
     * Reads what is left of the content, then verifies the one signature over it; nothing may follow
     * the signed layer.
     */
    Signatures.Signer finish() {
        try {
            drain(content);
            var signers = parser.getSignerInfos();
            if (parser.getCRLs().getMatches(null).size() > 0) {
                throw new SealException(SealException.Reason.MALFORMED, "CRLs are not carried in a sealed layer", null);
            }
            for (SignerInformation signer : signers.getSigners()) {
                if (signer.getUnsignedAttributes() != null) {
                    throw new SealException(SealException.Reason.MALFORMED, "unsigned attributes are not accepted", null);
                }
            }
            @SuppressWarnings("unchecked")
            var certificates = (org.bouncycastle.util.Store<org.bouncycastle.cert.X509CertificateHolder>) parser.getCertificates();
            Signatures.Signer signer = Signatures.verifySigner(signers, certificates);
            if (in.read() >= 0) {
                throw new SealException(SealException.Reason.MALFORMED, "bytes follow the signed layer", null);
            }
            return signer;
        } catch (SealException e) {
            throw e;
        } catch (CMSException | IOException | RuntimeException e) {
            throw malformed(e);
        }
    }

    static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[Chunks.SIZE];
        while (in.read(buffer) >= 0) {
            // only the digest computed on the way matters
        }
    }

    private static SealException malformed(Exception e) {
        return e instanceof SealException s ? s : new SealException(SealException.Reason.MALFORMED, "not a signed layer", e);
    }
}
