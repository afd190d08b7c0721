package org.carevault.crypto.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.timestamp.TimeStampAuthority;
import org.carevault.crypto.timestamp.TimeStamps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignedPdfTest {

    private static CertificateAuthority ca;
    private static Credential hub;
    private static TimeStampAuthority tsa;
    private static byte[] unsigned;

    @BeforeAll
    static void setUp() throws IOException {
        ca = CertificateAuthority.createRoot(new X500Principal("CN=Test Root, C=BE"), Duration.ofDays(30));
        hub = ca.issue(new X500Principal("CN=CareVault Hub, C=BE"), Duration.ofDays(10), CertificateAuthority.Usage.SERVER,
                "localhost");
        tsa = new TimeStampAuthority(ca.issue(new X500Principal("CN=CareVault TSA, C=BE"), Duration.ofDays(10),
                CertificateAuthority.Usage.TIME_STAMPING));
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Access log: Dr Jan Peeters read the medication schedule");
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            unsigned = out.toByteArray();
        }
    }

    private static final UnaryOperator<byte[]> STAMPER = value -> {
        byte[] request = TimeStamps.request(value);
        return TimeStamps.tokenOf(request, tsa.respond(request));
    };

    private static byte[] signed() {
        return SignedPdf.sign(unsigned, hub, "CareVault Hub", "Access log export", Optional.of(STAMPER));
    }

    @Test
    void aSignedDocumentVerifiesWithItsSignerAndTimeStamp() {
        Instant before = Instant.now().minusSeconds(2);
        SignedPdf.Verified verified = SignedPdf.verify(signed(), List.of(ca.certificate()), List.of(ca.certificate()));
        assertEquals(hub.certificate(), verified.signer());
        assertTrue(verified.timeStamped().orElseThrow().isAfter(before));
        assertEquals("CareVault Hub", verified.name());
        assertEquals("Access log export", verified.reason());
    }

    @Test
    void withoutATimeStamperTheSignatureStillVerifies() {
        byte[] pdf = SignedPdf.sign(unsigned, hub, "CareVault Hub", "Access log export", Optional.empty());
        assertEquals(Optional.empty(), SignedPdf.verify(pdf, List.of(ca.certificate()), List.of()).timeStamped());
    }

    @Test
    void aChangedByteInTheSignedPartIsFound() {
        byte[] pdf = signed();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Peeters");
        byte[] tampered;
        if (at >= 0) {
            tampered = pdf.clone();
            tampered[at] = 'M';
        } else {
            // Compressed content stream: change a byte of the first part, which the signature covers.
            tampered = pdf.clone();
            tampered[200] ^= 0x01;
        }
        assertThrows(SignedPdf.InvalidPdfSignature.class,
                () -> SignedPdf.verify(tampered, List.of(ca.certificate()), List.of(ca.certificate())));
    }

    @Test
    void somethingAppendedAfterSigningIsRefused() {
        byte[] pdf = signed();
        byte[] longer = Arrays.copyOf(pdf, pdf.length + 20);
        System.arraycopy("\n% appended later\n".getBytes(StandardCharsets.US_ASCII), 0, longer, pdf.length, 18);
        SignedPdf.InvalidPdfSignature e = assertThrows(SignedPdf.InvalidPdfSignature.class,
                () -> SignedPdf.verify(longer, List.of(ca.certificate()), List.of(ca.certificate())));
        assertEquals("the signature does not cover the whole document", e.getMessage());
    }

    @Test
    void aSignerOfAnotherRootAndAnUnsignedDocumentAreRefused() {
        CertificateAuthority other = CertificateAuthority.createRoot(new X500Principal("CN=Other"), Duration.ofDays(1));
        assertThrows(SignedPdf.InvalidPdfSignature.class,
                () -> SignedPdf.verify(signed(), List.of(other.certificate()), List.of(ca.certificate())));
        assertThrows(SignedPdf.InvalidPdfSignature.class,
                () -> SignedPdf.verify(signed(), List.of(ca.certificate()), List.of(other.certificate())),
                "a time-stamp of an untrusted authority");
        SignedPdf.InvalidPdfSignature e = assertThrows(SignedPdf.InvalidPdfSignature.class,
                () -> SignedPdf.verify(unsigned, List.of(ca.certificate()), List.of(ca.certificate())));
        assertEquals("exactly one signature expected, found 0", e.getMessage());
        assertThrows(SignedPdf.InvalidPdfSignature.class,
                () -> SignedPdf.verify("not a pdf".getBytes(StandardCharsets.US_ASCII), List.of(ca.certificate()), List.of()));
    }
}
