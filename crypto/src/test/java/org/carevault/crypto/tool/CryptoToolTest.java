package org.carevault.crypto.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.carevault.crypto.etk.EncryptionToken;
import org.carevault.crypto.pki.Pem;
import org.carevault.crypto.seal.SealException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: a CA, two professionals, a token, a sealed file opened by its recipient only. */
class CryptoToolTest {

    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new CryptoTool(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(args);
        return printed.toString(StandardCharsets.UTF_8);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void aCaIssuesProfessionalsWhoExchangeASealedFile() throws Exception {
        run("ca", "--out", dir.toString(), "--password", "ca-pw");
        String issued = run("issue", "--ca", path("ca.p12"), "--ca-password", "ca-pw", "--out", path("gp.p12"),
                "--password", "pw", "--name", "Jan Peeters", "--ssin", "72081012378", "--nihii", "12345625004",
                "--quality", "PHYSICIAN");
        assertTrue(issued.contains("SSIN\\=72081012378"), issued);
        run("issue", "--ca", path("ca.p12"), "--ca-password", "ca-pw", "--out", path("az.p12"), "--password", "pw",
                "--name", "AZ Demo", "--org-nihii", "71099812", "--quality", "HOSPITAL", "--ec");
        run("issue", "--ca", path("ca.p12"), "--ca-password", "ca-pw", "--out", path("gp-enc.p12"), "--password", "pw",
                "--name", "Jan Peeters", "--ssin", "72081012378", "--nihii", "12345625004", "--quality", "PHYSICIAN");

        run("etk", "--auth", path("gp.p12"), "--password", "pw", "--encryption", path("gp-enc.p12"), "--out", path("gp.etk"));
        EncryptionToken.Verified token = EncryptionToken.verify(Files.readAllBytes(dir.resolve("gp.etk")),
                List.of(Pem.read(dir.resolve("ca.pem"))), Instant.now());
        Pem.write(dir.resolve("gp-enc.pem"), token.encryptionCertificate());

        Files.writeString(dir.resolve("letter.txt"), "discharge letter for Mr Devos");
        run("seal", "--sender", path("az.p12"), "--password", "pw", "--to", path("gp-enc.pem"), "--in", path("letter.txt"),
                "--out", path("letter.sealed"));
        String opened = run("unseal", "--key", path("gp-enc.p12"), "--password", "pw", "--trust", path("ca.pem"),
                "--in", path("letter.sealed"), "--out", path("letter.out"));

        assertTrue(opened.contains("NIHII-HOSPITAL\\=71099812"), opened);
        assertArrayEquals(Files.readAllBytes(dir.resolve("letter.txt")), Files.readAllBytes(dir.resolve("letter.out")));
        SealException notForHim = assertThrows(SealException.class, () -> run("unseal", "--key", path("gp.p12"),
                "--password", "pw", "--trust", path("ca.pem"), "--in", path("letter.sealed"), "--out", path("x")));
        assertEquals(SealException.Reason.NOT_A_RECIPIENT, notForHim.reason());
    }

    @Test
    void aServerCertificateNamesItsHostsAndATrustStoreHoldsTheAnchor() throws Exception {
        run("ca", "--out", dir.toString(), "--password", "ca-pw", "--alias", "demo-ca");
        run("server", "--ca", path("ca.p12"), "--ca-password", "ca-pw", "--out", path("hub.p12"), "--password", "pw",
                "--alias", "hub", "--name", "CN=Hub, C=BE", "--host", "localhost", "--host", "127.0.0.1");
        run("truststore", "--out", path("trust.p12"), "--password", "tpw", "--trust", path("ca.pem"), "--alias", "anchor");

        java.security.KeyStore hub = org.carevault.crypto.pki.Pkcs12.read(dir.resolve("hub.p12"), "pw".toCharArray());
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) hub.getCertificate("hub");
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")), certificate.getSubjectAlternativeNames()
                .stream().toList());
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "TLS server authentication");
        java.security.KeyStore trust = org.carevault.crypto.pki.Pkcs12.read(dir.resolve("trust.p12"), "tpw".toCharArray());
        assertEquals(Pem.read(dir.resolve("ca.pem")), trust.getCertificate("anchor"));
        certificate.verify(Pem.read(dir.resolve("ca.pem")).getPublicKey());

        run("tsa", "--ca", path("ca.p12"), "--ca-password", "ca-pw", "--out", path("tsa.p12"), "--password", "pw",
                "--name", "CN=Hub TSA, C=BE");
        var tsa = new org.carevault.crypto.timestamp.TimeStampAuthority(
                org.carevault.crypto.pki.Pkcs12.readCredential(dir.resolve("tsa.p12"), "pw".toCharArray()));
        byte[] request = org.carevault.crypto.timestamp.TimeStamps.request("anchor".getBytes(StandardCharsets.UTF_8));
        byte[] token = org.carevault.crypto.timestamp.TimeStamps.tokenOf(request, tsa.respond(request));
        assertTrue(org.carevault.crypto.timestamp.TimeStamps.verify(token, "anchor".getBytes(StandardCharsets.UTF_8),
                List.of(Pem.read(dir.resolve("ca.pem")))).isAfter(Instant.now().minusSeconds(60)), "a working TSA");

        // A PDF signed by the hub (its server key), time-stamped: verify-pdf says valid; a changed copy: refused.
        byte[] pdf;
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var bytes = new ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(bytes);
            pdf = bytes.toByteArray();
        }
        byte[] signed = org.carevault.crypto.pdf.SignedPdf.sign(pdf, org.carevault.crypto.pki.Pkcs12.readCredential(
                dir.resolve("hub.p12"), "pw".toCharArray()), "Hub", "Access log", java.util.Optional.of(value -> {
                    byte[] stampRequest = org.carevault.crypto.timestamp.TimeStamps.request(value);
                    return org.carevault.crypto.timestamp.TimeStamps.tokenOf(stampRequest, tsa.respond(stampRequest));
                }));
        Files.write(dir.resolve("log.pdf"), signed);
        String checked = run("verify-pdf", "--in", path("log.pdf"), "--trust", path("ca.pem"));
        assertTrue(checked.startsWith("valid: signed by CN=Hub") && checked.contains("time-stamped"), checked);
        signed[signed.length / 4] ^= 0x01;
        Files.write(dir.resolve("changed.pdf"), signed);
        assertThrows(org.carevault.crypto.pdf.SignedPdf.InvalidPdfSignature.class,
                () -> run("verify-pdf", "--in", path("changed.pdf"), "--trust", path("ca.pem")));
    }

    @Test
    void missingOptionsAndBadIdentifiersAreClearErrors() {
        assertEquals("missing --out", assertThrows(IllegalArgumentException.class, () -> run("ca", "--password", "x"))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> run("nonsense"));
        assertThrows(IllegalArgumentException.class, () -> run("ca", "--out", dir.toString(), "--password", "env:CV_UNSET_X"));
    }
}
