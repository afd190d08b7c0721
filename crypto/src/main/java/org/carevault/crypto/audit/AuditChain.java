package org.carevault.crypto.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.carevault.crypto.Sha256;

/**
 * The tamper-evident audit log's hash chain: entry n's hash is SHA-256 over a domain label, the
 * sequence number, the previous entry's hash and the entry's content, so that changing, removing,
 * inserting or reordering any entry breaks every link after it. Verification names the first
 * broken link. The head is anchored outside the database by {@link AuditAnchor}.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final byte[] GENESIS = new byte[32];

    private static final byte[] LABEL = "carevault-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /** One stored entry: its position, its canonical content bytes and the hash recorded for it. */
    public record Entry(long sequence, byte[] content, byte[] hash) {
        public Entry {
            content = content.clone();
            hash = hash.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }
    }

    /** The hash of an entry at {@code sequence} whose predecessor has {@code previousHash}. */
    public static byte[] link(long sequence, byte[] previousHash, byte[] content) {
        if (previousHash.length != 32) {
            throw new IllegalArgumentException("a previous hash has 32 bytes");
        }
        MessageDigest sha256 = Sha256.digest();
        sha256.update(LABEL);
        sha256.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(sequence).putInt(content.length).array());
        sha256.update(previousHash);
        sha256.update(content);
        return sha256.digest();
    }

    /** Appends content after the given head, returning the new entry. */
    public static Entry append(Optional<Entry> head, byte[] content) {
        long sequence = head.map(entry -> entry.sequence() + 1).orElse(0L);
        byte[] previous = head.map(Entry::hash).orElse(GENESIS);
        return new Entry(sequence, content, link(sequence, previous, content));
    }

    /**
     * Checks a run of entries, starting at sequence {@code entries.get(0).sequence()} after
     * {@code previousHash} (the genesis value for a chain read from its start).
     *
     * @return the sequence number of the first entry whose link is broken, or empty when all hold
     */
    public static Optional<Long> firstBrokenLink(byte[] previousHash, List<Entry> entries) {
        byte[] previous = previousHash;
        long expected = entries.isEmpty() ? 0 : entries.get(0).sequence();
        for (Entry entry : entries) {
            if (entry.sequence() != expected
                    || !MessageDigest.isEqual(entry.hash(), link(entry.sequence(), previous, entry.content()))) {
                return Optional.of(expected);
            }
            previous = entry.hash();
            expected++;
        }
        return Optional.empty();
    }
}
