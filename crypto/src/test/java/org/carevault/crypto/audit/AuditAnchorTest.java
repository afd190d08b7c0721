package org.carevault.crypto.audit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.timestamp.TimeStampAuthority;
import org.carevault.crypto.timestamp.TimeStampException;
import org.junit.jupiter.api.Test;

class AuditAnchorTest {

    @Test
    void anAnchorProvesTheHeadAndExposesARewrittenHistory() {
        CertificateAuthority ca = CertificateAuthority.createRoot(new X500Principal("CN=Anchor CA"), Duration.ofDays(5));
        TimeStampAuthority tsa = new TimeStampAuthority(ca.issue(new X500Principal("CN=TSA"), Duration.ofDays(5),
                CertificateAuthority.Usage.TIME_STAMPING));
        AuditChain.Entry first = AuditChain.append(Optional.empty(), bytes("{\"n\":0}"));
        AuditChain.Entry head = AuditChain.append(Optional.of(first), bytes("{\"n\":1}"));

        AuditAnchor anchor = AuditAnchor.of(head, tsa);
        Instant time = anchor.verify(head, List.of(ca.certificate()));
        assertTrue(Math.abs(Duration.between(time, Instant.now()).getSeconds()) < 60);

        AuditChain.Entry rewritten = AuditChain.append(Optional.of(first), bytes("{\"n\":\"rewritten\"}"));
        assertThrows(IllegalStateException.class, () -> anchor.verify(rewritten, List.of(ca.certificate())));

        AuditAnchor forged = new AuditAnchor(rewritten.sequence(), rewritten.hash(), anchor.timeStampToken());
        assertThrows(TimeStampException.class, () -> forged.verify(rewritten, List.of(ca.certificate())),
                "the token does not cover another head");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
