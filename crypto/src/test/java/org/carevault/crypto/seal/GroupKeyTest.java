package org.carevault.crypto.seal;

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
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.junit.jupiter.api.Test;

class GroupKeyTest {

    @Test
    void membersOfThePharmacyReadMessagesToThePharmacyAndOutsidersDoNot() {
        CertificateAuthority ca = CertificateAuthority.createRoot(new X500Principal("CN=Group CA"), Duration.ofDays(5));
        Credential pharmacy = ca.issue(CertificateIdentity.organisation(Nihii.of("41234502"), "PHARMACY", "Apotheek Demo")
                .toSubject("Test"), Duration.ofDays(5), CertificateAuthority.Usage.PARTY);
        Credential manager = ca.issue(new X500Principal("CN=pharmacy key manager"), Duration.ofDays(5), CertificateAuthority.Usage.PARTY);
        Credential memberA = ca.issue(new X500Principal("CN=pharmacist A"), Duration.ofDays(5), CertificateAuthority.Usage.PARTY);
        Credential memberB = ca.issue(new X500Principal("CN=pharmacist B"), Duration.ofDays(5), CertificateAuthority.Usage.PARTY,
                CertificateAuthority.KeyType.EC_P256);
        Credential outsider = ca.issue(new X500Principal("CN=outsider"), Duration.ofDays(5), CertificateAuthority.Usage.PARTY);
        Credential gp = ca.issue(new X500Principal("CN=gp"), Duration.ofDays(5), CertificateAuthority.Usage.PARTY);
        List<java.security.cert.X509Certificate> anchors = List.of(ca.certificate());

        byte[] shareA = GroupKey.shareWith(pharmacy, manager, memberA.certificate());
        byte[] shareB = GroupKey.shareWith(pharmacy, manager, memberB.certificate());
        byte[] prescription = "prescription for the pharmacy".getBytes(StandardCharsets.UTF_8);
        byte[] toPharmacy = Sealer.seal(prescription, gp, List.of(pharmacy.certificate()));

        for (var member : List.of(new Object[] {memberA, shareA}, new Object[] {memberB, shareB})) {
            GroupKey.Opened opened = GroupKey.open((byte[]) member[1], (Credential) member[0], anchors,
                    pharmacy.certificate(), Instant.now());
            assertEquals(manager.certificate(), opened.keyManager());
            Unsealer.Unsealed read = Unsealer.unseal(toPharmacy, opened.groupKey(), pharmacy.certificate(), anchors, Instant.now());
            assertArrayEquals(prescription, read.content());
            assertEquals(gp.certificate(), read.sender());
        }
        assertEquals(SealException.Reason.NOT_A_RECIPIENT, assertThrows(SealException.class, () -> GroupKey.open(shareA,
                outsider, anchors, pharmacy.certificate(), Instant.now())).reason());
    }
}
