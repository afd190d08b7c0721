package org.carevault.crypto.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Signatures;
import org.carevault.crypto.timestamp.TimeStampException;
import org.carevault.crypto.timestamp.TimeStamps;

/**
 * A PDF signed as a whole by one signer, the way PDF readers check it: an {@code adbe.pkcs7.detached} CMS signature
 * (RSASSA-PSS or ECDSA over SHA-256, the signer's chain included) over every byte of the file but the signature
 * itself, with an RFC 3161 time-stamp over the signature value when a time-stamper is given. Verification accepts
 * exactly one signature that covers the whole file (nothing appended after signing), made by a certificate that
 * chains to the given anchors at the time-stamped time.
 */
public final class SignedPdf {

    /** The room kept in the file for the signature (DER, hex-encoded in the file: twice this). */
    private static final int SIGNATURE_ROOM = 24 * 1024;

    /** A verified document: who signed it, when the time-stamp says it was signed (if it has one). */
    public record Verified(X509Certificate signer, Optional<Instant> timeStamped, String name, String reason) {
    }

    /** The reason a document is not accepted. */
    public static final class InvalidPdfSignature extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidPdfSignature(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SignedPdf() {
    }

    /** Signs a finished PDF, returned with the signature appended as an incremental update. */
    public static byte[] sign(byte[] pdf, Credential signer, String name, String reason,
            Optional<UnaryOperator<byte[]>> timeStamper) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(name);
            signature.setReason(reason);
            signature.setSignDate(Calendar.getInstance());
            options.setPreferredSignatureSize(SIGNATURE_ROOM);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_ROOM + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] content;
            try (InputStream in = external.getContent()) {
                content = in.readAllBytes();
            }
            external.setSignature(Signatures.signDetached(content, signer, timeStamper));
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidPdfSignature("the document cannot be signed", e);
        }
    }

    /** The CMS signature in the room kept for it: one DER object, then only the zero padding. */
    private static byte[] cms(byte[] room) throws IOException {
        byte[] encoded;
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(room)) {
            encoded = in.readObject().getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (RuntimeException e) {
            throw new InvalidPdfSignature("the signature cannot be read", e);
        }
        for (int i = encoded.length; i < room.length; i++) {
            if (room[i] != 0) {
                throw new InvalidPdfSignature("the signature room holds more than the signature", null);
            }
        }
        return encoded;
    }

    /**
     * Verifies the document's one signature: it covers the whole file, its CMS signature holds, its time-stamp (if
     * any) covers the signature value and chains to the time-stamp anchors, and the signer chains to the anchors at
     * the time-stamped time (or now, without a time-stamp).
     */
    public static Verified verify(byte[] pdf, Collection<X509Certificate> anchors, Collection<X509Certificate> timeStampAnchors) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.size() != 1) {
                throw new InvalidPdfSignature("exactly one signature expected, found " + signatures.size(), null);
            }
            PDSignature signature = signatures.get(0);
            int[] range = signature.getByteRange();
            if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] <= range[1]
                    || range[3] < 0 || (long) range[2] + range[3] != pdf.length) {
                throw new InvalidPdfSignature("the signature does not cover the whole document", null);
            }
            Signatures.Detached detached = Signatures.verifyDetached(cms(signature.getContents(pdf)),
                    signature.getSignedContent(pdf));
            Optional<Instant> stamped = detached.timeStampToken()
                    .map(token -> TimeStamps.verify(token, detached.signatureValue(), timeStampAnchors));
            Signatures.validatePath(detached.signer().certificate(), detached.signer().chain(), anchors,
                    stamped.orElseGet(Instant::now));
            return new Verified(detached.signer().certificate(), stamped, String.valueOf(signature.getName()),
                    String.valueOf(signature.getReason()));
        } catch (IOException e) {
            throw new InvalidPdfSignature("not a readable PDF", e);
        } catch (SealException | TimeStampException e) {
            throw new InvalidPdfSignature("the signature does not hold: " + e.getMessage(), e);
        }
    }
}
