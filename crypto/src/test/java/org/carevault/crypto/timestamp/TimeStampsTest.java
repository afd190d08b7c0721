package org.carevault.crypto.timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.carevault.crypto.pki.CertificateAuthority;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimeStampsTest {

    private static final byte[] RECEIPT = "receipt: message 42 read by 72081012378".getBytes(StandardCharsets.UTF_8);

    private static CertificateAuthority ca;
    private static TimeStampAuthority tsa;

    @BeforeAll
    static void authority() {
        ca = CertificateAuthority.createRoot(new X500Principal("CN=Test Root, C=BE"), Duration.ofDays(30));
        tsa = new TimeStampAuthority(ca.issue(new X500Principal("CN=CareVault TSA, C=BE"), Duration.ofDays(10),
                CertificateAuthority.Usage.TIME_STAMPING));
    }

    private static byte[] stamp(byte[] data) {
        byte[] request = TimeStamps.request(data);
        return TimeStamps.tokenOf(request, tsa.respond(request));
    }

    @Test
    void aTokenVerifiesAndGivesTheTime() {
        Instant before = Instant.now().minusSeconds(1);
        Instant time = TimeStamps.verify(stamp(RECEIPT), RECEIPT, List.of(ca.certificate()));
        assertTrue(!time.isBefore(before.minusSeconds(1)) && !time.isAfter(Instant.now().plusSeconds(1)), time::toString);
    }

    @Test
    void aTokenDoesNotCoverOtherData() {
        byte[] token = stamp(RECEIPT);
        TimeStampException e = assertThrows(TimeStampException.class,
                () -> TimeStamps.verify(token, "another receipt".getBytes(StandardCharsets.UTF_8), List.of(ca.certificate())));
        assertEquals("the token does not cover this data", e.getMessage());
    }

    @Test
    void aTsaOfAnotherRootIsNotTrusted() {
        CertificateAuthority other = CertificateAuthority.createRoot(new X500Principal("CN=Other"), Duration.ofDays(1));
        TimeStampException e = assertThrows(TimeStampException.class,
                () -> TimeStamps.verify(stamp(RECEIPT), RECEIPT, List.of(other.certificate())));
        assertEquals("the TSA is not trusted", e.getMessage());
    }

    @Test
    void aTamperedTokenDoesNotVerify() {
        byte[] token = stamp(RECEIPT);
        int failures = 0;
        for (int i = token.length - 300; i < token.length; i += 7) {
            byte[] tampered = token.clone();
            tampered[i] ^= 0x20;
            try {
                TimeStamps.verify(tampered, RECEIPT, List.of(ca.certificate()));
            } catch (TimeStampException e) {
                failures++;
            }
        }
        assertEquals((300 + 6) / 7, failures, "every flipped byte in the signed part is detected");
    }

    @Test
    void aCertificateWithoutTheTimeStampingPurposeCannotBeATsa() {
        assertThrows(TimeStampException.class, () -> new TimeStampAuthority(ca.issue(new X500Principal("CN=not a tsa"),
                Duration.ofDays(1), CertificateAuthority.Usage.PARTY)));
    }

    @Test
    void aSha1RequestIsRejected() throws Exception {
        byte[] request = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA1, new byte[20], BigInteger.ONE).getEncoded();
        TimeStampException e = assertThrows(TimeStampException.class, () -> TimeStamps.tokenOf(request, tsa.respond(request)));
        assertTrue(e.getMessage().startsWith("the time-stamp was refused") || e.getMessage().contains("does not answer"),
                e.getMessage());
    }

    @Test
    void garbageIsNotAToken() {
        assertThrows(TimeStampException.class, () -> TimeStamps.verify(new byte[] {1, 2, 3}, RECEIPT, List.of(ca.certificate())));
    }
}
