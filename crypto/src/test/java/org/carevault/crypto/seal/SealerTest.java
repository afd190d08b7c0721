package org.carevault.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SealerTest {

    private static final byte[] LETTER = "Referral: please see Mr Devos for his knee.".getBytes(StandardCharsets.UTF_8);

    private static CertificateAuthority ca;
    private static Credential gp;
    private static Credential pharmacist;
    private static Credential nurse;
    private static List<X509Certificate> anchors;

    @BeforeAll
    static void parties() {
        ca = CertificateAuthority.createRoot(new X500Principal("CN=Seal Test CA, C=BE"), Duration.ofDays(30));
        gp = party("72081012378", "12345625004", "PHYSICIAN", "Jan Peeters");
        pharmacist = party("85021445650", "41234502000", "PHARMACIST", "Els Janssens");
        nurse = party("90050123412", "51234509401", "NURSE", "Lotte Maes");
        anchors = List.of(ca.certificate());
    }

    private static Credential party(String ssin, String nihii, String quality, String name) {
        return ca.issue(CertificateIdentity.person(Ssin.of(ssin), Nihii.of(nihii), quality, name).toSubject("Test"),
                Duration.ofDays(10), CertificateAuthority.Usage.PARTY);
    }

    private static SealException.Reason failure(Runnable action) {
        return assertThrows(SealException.class, action::run).reason();
    }

    @Test
    void everyRecipientAndTheSenderReadTheContentAndSeeWhoSentIt() {
        byte[] sealed = Sealer.seal(LETTER, gp, List.of(pharmacist.certificate(), nurse.certificate()));

        for (Credential reader : List.of(pharmacist, nurse, gp)) {
            Unsealer.Unsealed opened = Unsealer.unseal(sealed, reader.privateKey(), reader.certificate(), anchors, Instant.now());
            assertArrayEquals(LETTER, opened.content());
            assertEquals(gp.certificate(), opened.sender());
        }
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Devos"), "the hub sees no content");
    }

    @Test
    void ecKeysSignAndReceiveAlongsideRsaKeys() {
        Credential ecSender = ca.issue(CertificateIdentity.organisation(Nihii.of("71099812"), "HOSPITAL", "AZ").toSubject("Test"),
                Duration.ofDays(5), CertificateAuthority.Usage.PARTY, CertificateAuthority.KeyType.EC_P256);
        Credential ecRecipient = ca.issue(CertificateIdentity.person(Ssin.of("62070834587"), Nihii.of("12345625004"),
                "PHYSICIAN", "Sofie Claes").toSubject("Test"), Duration.ofDays(5), CertificateAuthority.Usage.PARTY,
                CertificateAuthority.KeyType.EC_P256);

        byte[] sealed = Sealer.seal(LETTER, ecSender, List.of(ecRecipient.certificate(), pharmacist.certificate()));

        for (Credential reader : List.of(ecRecipient, pharmacist, ecSender)) {
            Unsealer.Unsealed opened = Unsealer.unseal(sealed, reader.privateKey(), reader.certificate(), anchors, Instant.now());
            assertArrayEquals(LETTER, opened.content());
            assertEquals(ecSender.certificate(), opened.sender());
        }
        assertEquals(SealException.Reason.NOT_A_RECIPIENT, failure(
                () -> Unsealer.unseal(sealed, nurse.privateKey(), nurse.certificate(), anchors, Instant.now())));
    }

    @Test
    void largeContentRoundTrips() {
        byte[] content = new byte[1024 * 1024];
        new Random(42).nextBytes(content);
        byte[] sealed = Sealer.seal(content, gp, List.of(nurse.certificate()));
        assertArrayEquals(content, Unsealer.unseal(sealed, nurse.privateKey(), nurse.certificate(), anchors, Instant.now()).content());
    }

    @Test
    void someoneElseIsNotARecipient() {
        byte[] sealed = Sealer.seal(LETTER, gp, List.of(pharmacist.certificate()));
        assertEquals(SealException.Reason.NOT_A_RECIPIENT, failure(
                () -> Unsealer.unseal(sealed, nurse.privateKey(), nurse.certificate(), anchors, Instant.now())));
    }

    /**
     * A flipped bit in any byte of any layer either makes the message fail, or (in the few bytes that
     * BER lets a reader take leniently: the end-of-contents markers of the streamed layers) changes
     * nothing that counts: the content and the sender returned are exactly what the sender signed.
     */
    @Test
    void aFlippedBitInAnyByteNeverYieldsOtherContentOrAnotherSender() {
        byte[] sealed = Sealer.seal(LETTER, gp, List.of(pharmacist.certificate()));
        int detected = 0;
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x04;
            try {
                Unsealer.Unsealed opened = Unsealer.unseal(tampered, pharmacist.privateKey(), pharmacist.certificate(),
                        anchors, Instant.now());
                assertArrayEquals(LETTER, opened.content(), "byte " + i);
                assertEquals(gp.certificate(), opened.sender(), "byte " + i);
            } catch (SealException e) {
                detected++;
            }
        }
        assertTrue(detected >= sealed.length - 16, detected + " of " + sealed.length + " flips detected");
    }

    @Test
    void anOuterSignatureByAnotherPartyIsRefused() throws Exception {
        byte[] sealed = Sealer.seal(LETTER, gp, List.of(pharmacist.certificate()));
        byte[] envelope = (byte[]) new CMSSignedData(sealed).getSignedContent().getContent();
        byte[] resigned = Signatures.sign(envelope, nurse);

        assertEquals(SealException.Reason.SIGNERS_DIFFER, failure(
                () -> Unsealer.unseal(resigned, pharmacist.privateKey(), pharmacist.certificate(), anchors, Instant.now())));
    }

    @Test
    void aSenderOfAnotherCaIsNotTrusted() {
        CertificateAuthority rogue = CertificateAuthority.createRoot(new X500Principal("CN=Rogue"), Duration.ofDays(1));
        Credential impostor = rogue.issue(gp.certificate().getSubjectX500Principal(), Duration.ofDays(1),
                CertificateAuthority.Usage.PARTY);
        byte[] sealed = Sealer.seal(LETTER, impostor, List.of(pharmacist.certificate()));

        assertEquals(SealException.Reason.SIGNER_NOT_TRUSTED, failure(
                () -> Unsealer.unseal(sealed, pharmacist.privateKey(), pharmacist.certificate(), anchors, Instant.now())));
    }

    @Test
    void aSenderCertificateExpiredAtTheTimeThatCountsIsRefused() {
        byte[] sealed = Sealer.seal(LETTER, gp, List.of(pharmacist.certificate()));
        Instant later = Instant.now().plus(Duration.ofDays(20));

        assertEquals(SealException.Reason.CERTIFICATE_EXPIRED, failure(
                () -> Unsealer.unseal(sealed, pharmacist.privateKey(), pharmacist.certificate(), anchors, later)));
    }

    @Test
    void aSenderRevokedBeforeTheTimeThatCountsIsRefusedButNotOneRevokedAfter() {
        Credential revokedGp = party("72081012378", "12345625004", "PHYSICIAN", "Jan Peeters");
        byte[] sealed = Sealer.seal(LETTER, revokedGp, List.of(pharmacist.certificate()));
        Instant signedAt = Instant.now();
        var crl = ca.crl(java.util.Map.of(revokedGp.certificate().getSerialNumber(), signedAt.plusSeconds(3600)),
                Duration.ofDays(1));
        var otherCrl = CertificateAuthority.createRoot(new X500Principal("CN=Seal Test CA, C=BE"), Duration.ofDays(1))
                .crl(java.util.Map.of(revokedGp.certificate().getSerialNumber(), signedAt.minusSeconds(60)), Duration.ofDays(1));

        assertArrayEquals(LETTER, Unsealer.unseal(sealed, pharmacist.privateKey(), pharmacist.certificate(), anchors,
                signedAt, List.of(crl)).content(), "revoked an hour after signing: what was signed stands");
        assertEquals(SealException.Reason.CERTIFICATE_REVOKED, failure(() -> Unsealer.unseal(sealed, pharmacist.privateKey(),
                pharmacist.certificate(), anchors, signedAt.plusSeconds(7200), List.of(crl))));
        assertArrayEquals(LETTER, Unsealer.unseal(sealed, pharmacist.privateKey(), pharmacist.certificate(), anchors,
                signedAt, List.of(otherCrl)).content(), "a CRL that the issuer did not sign is ignored");
    }

    @Test
    void pkcs1v15SignaturesAreNotAllowed() throws Exception {
        byte[] sealed = Sealer.seal(LETTER, gp, List.of(pharmacist.certificate()));
        byte[] envelope = (byte[]) new CMSSignedData(sealed).getSignedContent().getContent();
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(gp.privateKey()), gp.certificate()));
        generator.addCertificates(new JcaCertStore(gp.chain()));
        byte[] weak = generator.generate(new CMSProcessableByteArray(envelope), true).getEncoded("DER");

        assertEquals(SealException.Reason.ALGORITHM_NOT_ALLOWED, failure(
                () -> Unsealer.unseal(weak, pharmacist.privateKey(), pharmacist.certificate(), anchors, Instant.now())));
    }

    @Test
    void garbageIsMalformed() {
        assertEquals(SealException.Reason.MALFORMED, failure(
                () -> Unsealer.unseal(new byte[] {0x30, 0x03, 1, 2, 3}, pharmacist.privateKey(), pharmacist.certificate(),
                        anchors, Instant.now())));
    }
}
