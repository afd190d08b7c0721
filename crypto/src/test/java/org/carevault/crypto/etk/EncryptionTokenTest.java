package org.carevault.crypto.etk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Sealer;
import org.carevault.crypto.seal.Unsealer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncryptionTokenTest {

    private static CertificateAuthority ca;
    private static X500Principal gpSubject;
    private static Credential gpAuthentication;
    private static Credential gpEncryption;

    @BeforeAll
    static void owner() {
        ca = CertificateAuthority.createRoot(new X500Principal("CN=ETK Test CA, C=BE"), Duration.ofDays(30));
        gpSubject = CertificateIdentity.person(Ssin.of("72081012378"), Nihii.of("12345625004"), "PHYSICIAN", "Jan Peeters")
                .toSubject("Test");
        gpAuthentication = ca.issue(gpSubject, Duration.ofDays(10), CertificateAuthority.Usage.PARTY);
        gpEncryption = ca.issue(gpSubject, Duration.ofDays(10), CertificateAuthority.Usage.PARTY);
    }

    @Test
    void aTokenVerifiesAndNamesItsOwner() {
        byte[] token = EncryptionToken.create(gpAuthentication, gpEncryption.certificate());
        EncryptionToken.Verified verified = EncryptionToken.verify(token, List.of(ca.certificate()), Instant.now());

        assertEquals(gpEncryption.certificate(), verified.encryptionCertificate());
        assertEquals("72081012378", verified.owner().ssin().value());
    }

    @Test
    void aServicesTokenVerifiesForItsSubjectOnly() {
        X500Principal hub = new X500Principal("CN=CareVault Hub, O=Test, C=BE");
        Credential hubAuthentication = ca.issue(hub, Duration.ofDays(10), CertificateAuthority.Usage.PARTY);
        Credential hubEncryption = ca.issue(hub, Duration.ofDays(10), CertificateAuthority.Usage.PARTY);
        byte[] token = EncryptionToken.createForService(hubAuthentication, hubEncryption.certificate());
        assertEquals(hubEncryption.certificate(), EncryptionToken.verifyService(token, hub, List.of(ca.certificate()), Instant.now()));
        assertEquals(SealException.Reason.SIGNERS_DIFFER, assertThrows(SealException.class, () -> EncryptionToken.verifyService(
                token, new X500Principal("CN=Another Hub, O=Test, C=BE"), List.of(ca.certificate()), Instant.now())).reason());
        assertThrows(SealException.class, () -> EncryptionToken.createForService(hubAuthentication, gpEncryption.certificate()));
        CertificateAuthority rogue = CertificateAuthority.createRoot(new X500Principal("CN=Rogue"), Duration.ofDays(1));
        byte[] forged = EncryptionToken.createForService(rogue.issue(hub, Duration.ofDays(1), CertificateAuthority.Usage.PARTY),
                rogue.issue(hub, Duration.ofDays(1), CertificateAuthority.Usage.PARTY).certificate());
        assertEquals(SealException.Reason.SIGNER_NOT_TRUSTED, assertThrows(SealException.class,
                () -> EncryptionToken.verifyService(forged, hub, List.of(ca.certificate()), Instant.now())).reason());
    }

    @Test
    void nobodyCanPublishAnEncryptionKeyForSomeoneElse() {
        Credential nurse = ca.issue(CertificateIdentity.person(Ssin.of("90050123412"), Nihii.of("51234509401"), "NURSE",
                "Lotte Maes").toSubject("Test"), Duration.ofDays(10), CertificateAuthority.Usage.PARTY);
        assertThrows(SealException.class, () -> EncryptionToken.create(nurse, gpEncryption.certificate()));
    }

    @Test
    void aTokenSignedUnderAnotherRootOrAlteredIsRefused() {
        CertificateAuthority rogue = CertificateAuthority.createRoot(new X500Principal("CN=Rogue"), Duration.ofDays(1));
        Credential rogueAuthentication = rogue.issue(gpSubject, Duration.ofDays(1), CertificateAuthority.Usage.PARTY);
        Credential rogueEncryption = rogue.issue(gpSubject, Duration.ofDays(1), CertificateAuthority.Usage.PARTY);
        byte[] forged = EncryptionToken.create(rogueAuthentication, rogueEncryption.certificate());
        assertEquals(SealException.Reason.SIGNER_NOT_TRUSTED, assertThrows(SealException.class,
                () -> EncryptionToken.verify(forged, List.of(ca.certificate()), Instant.now())).reason());

        byte[] token = EncryptionToken.create(gpAuthentication, gpEncryption.certificate());
        byte[] altered = token.clone();
        altered[altered.length / 2] ^= 0x01;
        assertThrows(SealException.class, () -> EncryptionToken.verify(altered, List.of(ca.certificate()), Instant.now()));
    }

    @Test
    void anExpiredTokenIsNoLongerValidButMessagesSealedForItStayReadable() {
        Instant now = Instant.now();
        Credential oldEncryption = ca.issue(gpSubject, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)),
                CertificateAuthority.Usage.PARTY);
        Credential authentication = ca.issue(gpSubject, now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(10)),
                CertificateAuthority.Usage.PARTY);
        byte[] oldToken = EncryptionToken.create(authentication, oldEncryption.certificate());
        byte[] newToken = EncryptionToken.create(authentication, gpEncryption.certificate());

        assertEquals(SealException.Reason.CERTIFICATE_EXPIRED, assertThrows(SealException.class,
                () -> EncryptionToken.verify(oldToken, List.of(ca.certificate()), now)).reason());
        EncryptionToken.verify(oldToken, List.of(ca.certificate()), now.minus(Duration.ofDays(2)));
        EncryptionToken.verify(newToken, List.of(ca.certificate()), now);

        // a message sealed for the old key while it was current is still opened with that key
        Credential sender = ca.issue(CertificateIdentity.organisation(Nihii.of("71099812"), "HOSPITAL", "AZ")
                .toSubject("Test"), Duration.ofDays(10), CertificateAuthority.Usage.PARTY);
        byte[] content = "discharge letter".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Sealer.seal(content, sender, List.of(oldEncryption.certificate()));
        assertArrayEquals(content, Unsealer.unseal(sealed, oldEncryption.privateKey(), oldEncryption.certificate(),
                List.of(ca.certificate()), now).content());
    }
}
