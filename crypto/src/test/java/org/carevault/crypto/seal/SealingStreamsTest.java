package org.carevault.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing and unsealing as streams: constant memory, standard CMS, files, and what the hub may check. */
class SealingStreamsTest {

    private static final byte[] LETTER = "Discharge letter for Mrs Claes: ...".getBytes(StandardCharsets.UTF_8);

    private static CertificateAuthority ca;
    private static Credential hospital;
    private static Credential gp;
    private static Credential ecNurse;
    private static List<X509Certificate> anchors;

    @BeforeAll
    static void parties() {
        ca = CertificateAuthority.createRoot(new X500Principal("CN=Stream Test CA"), Duration.ofDays(3));
        hospital = ca.issue(new X500Principal("CN=hospital"), Duration.ofDays(2), CertificateAuthority.Usage.PARTY);
        gp = ca.issue(new X500Principal("CN=gp"), Duration.ofDays(2), CertificateAuthority.Usage.PARTY);
        ecNurse = ca.issue(new X500Principal("CN=nurse"), Duration.ofDays(2), CertificateAuthority.Usage.PARTY,
                CertificateAuthority.KeyType.EC_P256);
        anchors = List.of(ca.certificate());
    }

    /**
     * 64 MB sealed and unsealed by a JVM whose whole heap is 32 MB: the content cannot be held even
     * once, so this passes only if every layer streams.
     */
    @Test
    void sixtyFourMegabytesGoThroughAThirtyTwoMegabyteHeap(@TempDir Path directory) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName(),
                Long.toString(64L * 1024 * 1024), directory.resolve("sealed.p7").toString())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, probe.exitValue(), output);
        Map<String, String> values = output.lines().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        assertEquals(values.get("in"), values.get("out"), "what came out is what went in");
        assertTrue(Long.parseLong(values.get("sealed")) > 64L * 1024 * 1024, "the content really went through");
        assertTrue(Long.parseLong(values.get("maxHeap")) < 40L * 1024 * 1024, "the heap really was small");
    }

    @Test
    void theSealedMessageIsStandardCmsThatBouncyCastleAloneCanOpen() throws Exception {
        byte[] sealed = Sealer.seal(LETTER, hospital, List.of(gp.certificate(), ecNurse.certificate()));

        CMSSignedData outer = new CMSSignedData(sealed);
        assertTrue(outer.verifySignatures(id -> new JcaSimpleSignerInfoVerifierBuilder().setProvider(Algorithms.BC).build(hospital.certificate())));
        CMSAuthEnvelopedData envelope = new CMSAuthEnvelopedData((byte[]) outer.getSignedContent().getContent());
        RecipientInformation forGp = envelope.getRecipientInfos().get(new JceKeyTransRecipientId(gp.certificate()));
        RecipientInformation forNurse = envelope.getRecipientInfos().get(new JceKeyAgreeRecipientId(ecNurse.certificate()));
        byte[] innerForGp = forGp.getContent(new JceKeyTransAuthEnvelopedRecipient(gp.privateKey()).setProvider(Algorithms.BC));
        byte[] innerForNurse = forNurse.getContent(new JceKeyAgreeAuthEnvelopedRecipient(ecNurse.privateKey())
                .setProvider(Algorithms.BC));
        assertArrayEquals(innerForGp, innerForNurse);
        CMSSignedData inner = new CMSSignedData(innerForGp);
        assertTrue(inner.verifySignatures(id -> new JcaSimpleSignerInfoVerifierBuilder().setProvider(Algorithms.BC).build(hospital.certificate())));
        assertArrayEquals(LETTER, (byte[]) inner.getSignedContent().getContent());
    }

    @Test
    void theHubAuthenticatesTheSenderWithoutBeingARecipient() {
        byte[] sealed = Sealer.seal(LETTER, hospital, List.of(gp.certificate()));
        assertEquals(hospital.certificate(), Unsealer.authenticate(new ByteArrayInputStream(sealed), anchors, Instant.now(),
                List.of()));

        byte[] tampered = sealed.clone();
        tampered[sealed.length / 2] ^= 1;
        assertEquals(SealException.Reason.TAMPERED, assertThrows(SealException.class, () -> Unsealer.authenticate(
                new ByteArrayInputStream(tampered), anchors, Instant.now(), List.of())).reason());
        CertificateAuthority other = CertificateAuthority.createRoot(new X500Principal("CN=Other CA"), Duration.ofDays(1));
        assertEquals(SealException.Reason.SIGNER_NOT_TRUSTED, assertThrows(SealException.class, () -> Unsealer.authenticate(
                new ByteArrayInputStream(sealed), List.of(other.certificate()), Instant.now(), List.of())).reason());
    }

    @Test
    void bytesAfterTheMessageAreRefused() {
        byte[] sealed = Sealer.seal(LETTER, hospital, List.of(gp.certificate()));
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertEquals(SealException.Reason.MALFORMED, assertThrows(SealException.class,
                () -> Unsealer.unseal(longer, gp.privateKey(), gp.certificate(), anchors, Instant.now())).reason());
    }

    @Test
    void aFileIsUnsealedIntoPlaceOnlyWhenEveryCheckPassed(@TempDir Path directory) throws IOException {
        byte[] content = new byte[300_000];
        new Random(3).nextBytes(content);
        Path sealed = directory.resolve("letter.p7");
        Files.write(sealed, Sealer.seal(content, hospital, List.of(ecNurse.certificate())));
        Path target = directory.resolve("letter.pdf");

        assertEquals(hospital.certificate(), Unsealer.unseal(sealed, target, ecNurse.privateKey(), ecNurse.certificate(),
                anchors, Instant.now(), List.of()));
        assertArrayEquals(content, Files.readAllBytes(target));

        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length / 2] ^= 1;
        Path tampered = directory.resolve("tampered.p7");
        Files.write(tampered, bytes);
        Path second = directory.resolve("second.pdf");
        assertEquals(SealException.Reason.TAMPERED, assertThrows(SealException.class, () -> Unsealer.unseal(tampered, second,
                ecNurse.privateKey(), ecNurse.certificate(), anchors, Instant.now(), List.of())).reason());
        try (var left = Files.list(directory)) {
            assertEquals(List.of("letter.p7", "letter.pdf", "tampered.p7"), left.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no partial plaintext left behind");
        }
    }

    @Test
    void aFailingSourceIsAnIoErrorNotAMalformedMessage() {
        byte[] sealed = Sealer.seal(LETTER, hospital, List.of(gp.certificate()));
        InputStream failing = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == sealed.length / 2) {
                    throw new IOException("disk gone");
                }
                return sealed[position++] & 0xff;
            }
        };
        assertThrows(UncheckedIOException.class, () -> Unsealer.unseal(failing, new ByteArrayOutputStream(), gp.privateKey(),
                gp.certificate(), anchors, Instant.now(), List.of()));
    }

    @Test
    void twoSealingsOfTheSameContentShareNoBytesOfCiphertext() {
        byte[] first = Sealer.seal(LETTER, hospital, List.of(gp.certificate()));
        byte[] second = Sealer.seal(LETTER, hospital, List.of(gp.certificate()));
        assertNotEquals(Arrays.hashCode(first), Arrays.hashCode(second));
        assertFalse(new String(first, StandardCharsets.ISO_8859_1).contains("Claes"));
    }
}
