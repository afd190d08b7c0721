package org.carevault.crypto.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.timestamp.TimeStampAuthority;
import org.carevault.crypto.timestamp.TimeStampException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditAnchorTest {

    private TimeStampAuthority tsa;
    private List<X509Certificate> trusted;

    @BeforeEach
    void authority() {
        CertificateAuthority ca = CertificateAuthority.createRoot(new X500Principal("CN=Anchor CA"), Duration.ofDays(5));
        tsa = new TimeStampAuthority(ca.issue(new X500Principal("CN=TSA"), Duration.ofDays(5),
                CertificateAuthority.Usage.TIME_STAMPING));
        trusted = List.of(ca.certificate());
    }

    @Test
    void anAnchorProvesTheHeadAndExposesARewrittenHistory() {
        AuditChain.Entry first = AuditChain.append(Optional.empty(), bytes("{\"n\":0}"));
        AuditChain.Entry head = AuditChain.append(Optional.of(first), bytes("{\"n\":1}"));

        AuditAnchor anchor = AuditAnchor.of(List.of(headOf(0, head)), tsa);
        Instant time = anchor.verify(trusted);
        assertTrue(Math.abs(Duration.between(time, Instant.now()).getSeconds()) < 60);
        assertTrue(anchor.holds(0, head));
        assertArrayEquals(ByteBuffer.allocate(40).putLong(1).put(head.hash()).array(), anchor.imprint(),
                "one head of chain 0 is imprinted as anchors were before the trail was split, so theirs still verify");

        AuditChain.Entry rewritten = AuditChain.append(Optional.of(first), bytes("{\"n\":\"rewritten\"}"));
        assertFalse(anchor.holds(0, rewritten), "another hash at the anchored position");
        assertFalse(anchor.holds(1, head), "the same entry in another chain");

        AuditAnchor forged = new AuditAnchor(List.of(headOf(0, rewritten)), anchor.timeStampToken());
        assertThrows(TimeStampException.class, () -> forged.verify(trusted), "the token does not cover another head");
    }

    @Test
    void oneStampCoversTheHeadsOfEveryChain() {
        AuditChain.Entry a = AuditChain.append(Optional.empty(), bytes("a0"));
        AuditChain.Entry b = AuditChain.append(Optional.of(AuditChain.append(Optional.empty(), bytes("b0"))), bytes("b1"));
        AuditChain.Entry c = AuditChain.append(Optional.empty(), bytes("c0"));
        AuditAnchor anchor = AuditAnchor.of(List.of(headOf(3, c), headOf(1, a), headOf(2, b)), tsa);
        anchor.verify(trusted);
        assertEquals(List.of(1, 2, 3), anchor.heads().stream().map(AuditAnchor.Head::chain).toList(), "kept in chain order");
        assertTrue(anchor.holds(1, a) && anchor.holds(2, b) && anchor.holds(3, c));

        AuditChain.Entry truncated = AuditChain.append(Optional.empty(), bytes("b0"));
        AuditAnchor rewound = new AuditAnchor(List.of(headOf(1, a), headOf(2, truncated), headOf(3, c)),
                anchor.timeStampToken());
        assertThrows(TimeStampException.class, () -> rewound.verify(trusted), "one rewound chain breaks the stamp");
        AuditAnchor dropped = new AuditAnchor(List.of(headOf(1, a), headOf(2, b)), anchor.timeStampToken());
        assertThrows(TimeStampException.class, () -> dropped.verify(trusted), "so does a chain left out");
        assertThrows(IllegalArgumentException.class, () -> new AuditAnchor(List.of(headOf(1, a), headOf(1, c)), new byte[0]),
                "one head per chain");
    }

    private static AuditAnchor.Head headOf(int chain, AuditChain.Entry entry) {
        return new AuditAnchor.Head(chain, entry.sequence(), entry.hash());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
