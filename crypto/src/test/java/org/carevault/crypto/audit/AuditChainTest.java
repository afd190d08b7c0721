package org.carevault.crypto.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private List<AuditChain.Entry> chain;

    @BeforeEach
    void buildChain() {
        chain = new ArrayList<>();
        Optional<AuditChain.Entry> head = Optional.empty();
        for (int i = 0; i < 6; i++) {
            AuditChain.Entry entry = AuditChain.append(head, bytes("{\"event\":\"read\",\"n\":" + i + "}"));
            chain.add(entry);
            head = Optional.of(entry);
        }
    }

    @Test
    void anIntactChainVerifies() {
        assertEquals(Optional.empty(), AuditChain.firstBrokenLink(AuditChain.GENESIS, chain));
        assertEquals(Optional.empty(), AuditChain.firstBrokenLink(chain.get(2).hash(), chain.subList(3, 6)),
                "a run verifies from the hash before it");
    }

    @Test
    void knownAnswerForTheFirstEntry() {
        // SHA-256("carevault-audit-v1" || int64 0 || int32 2 || 32 zero bytes || "{}"), computed outside Java
        // (Python hashlib) so that the stored format cannot drift unnoticed
        assertEquals("484aa7f904ad5f70bbfe434484c5a8954828b8e415fa0fa2f0e4a3c0642d86fa",
                HexFormat.of().formatHex(AuditChain.link(0, AuditChain.GENESIS, bytes("{}"))));
    }

    @Test
    void aChangedEntryIsTheFirstBrokenLink() {
        AuditChain.Entry original = chain.get(3);
        chain.set(3, new AuditChain.Entry(3, bytes("{\"event\":\"none\",\"n\":3}"), original.hash()));
        assertEquals(Optional.of(3L), AuditChain.firstBrokenLink(AuditChain.GENESIS, chain));
    }

    @Test
    void aRemovedEntryIsDetected() {
        chain.remove(2);
        assertEquals(Optional.of(2L), AuditChain.firstBrokenLink(AuditChain.GENESIS, chain));
    }

    @Test
    void swappedEntriesAreDetected() {
        AuditChain.Entry second = chain.get(1);
        chain.set(1, chain.get(2));
        chain.set(2, second);
        assertEquals(Optional.of(1L), AuditChain.firstBrokenLink(AuditChain.GENESIS, chain));
    }

    @Test
    void aRecomputedTailStillBreaksAtTheChange() {
        // An attacker who rewrites entry 4 and recomputes every hash after it still breaks the link
        // to the unchanged entry 3 only if 3's hash is kept: rewriting from 4 on gives a chain that verifies,
        // which is why the head is anchored outside the database (time-stamped anchors).
        List<AuditChain.Entry> forged = new ArrayList<>(chain.subList(0, 4));
        Optional<AuditChain.Entry> head = Optional.of(forged.get(3));
        for (int i = 4; i < 6; i++) {
            AuditChain.Entry entry = AuditChain.append(head, bytes("{\"forged\":" + i + "}"));
            forged.add(entry);
            head = Optional.of(entry);
        }
        assertEquals(Optional.empty(), AuditChain.firstBrokenLink(AuditChain.GENESIS, forged));
        assertEquals(false, java.util.Arrays.equals(forged.get(5).hash(), chain.get(5).hash()),
                "but the head differs from an anchored head");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
