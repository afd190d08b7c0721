package org.carevault.crypto.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.carevault.crypto.Sha256;
import org.carevault.crypto.timestamp.TimeStampAuthority;
import org.carevault.crypto.timestamp.TimeStamps;

/**
 * A periodic anchor of the audit chains: one RFC 3161 time-stamp over the heads of every chain at
 * that moment (chain number, position and hash of each head). Kept outside the database (and shown
 * to patients), it proves that each chain up to its anchored entry existed at that time, so that
 * rewriting history and recomputing every hash after it no longer goes unseen; and because one
 * stamp covers all chains, it orders the chains against each other: every entry up to an anchor
 * happened before every entry after it.
 *
 * <p>A single head of chain 0 (the one chain of the hub before its trail was split) is imprinted as
 * it always was — position and hash — so that anchors made then still verify.
 */
public record AuditAnchor(List<Head> heads, byte[] timeStampToken) {

    private static final byte[] LABEL = "carevault-audit-anchor-v2".getBytes(StandardCharsets.US_ASCII);

    /** The last entry of one chain: its chain number, its position in the chain (from 0) and its hash. */
    public record Head(int chain, long position, byte[] hash) {
        public Head {
            if (chain < 0 || position < 0 || hash.length != 32) {
                throw new IllegalArgumentException("a head names a chain, a position and a 32-byte hash");
            }
            hash = hash.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }
    }

    public AuditAnchor {
        heads = heads.stream().sorted(Comparator.comparingInt(Head::chain)).toList();
        if (heads.isEmpty() || heads.stream().map(Head::chain).distinct().count() != heads.size()) {
            throw new IllegalArgumentException("an anchor names at least one head, one per chain");
        }
        timeStampToken = timeStampToken.clone();
    }

    /** Anchors the given heads with one token from the time-stamp authority. */
    public static AuditAnchor of(List<Head> heads, TimeStampAuthority tsa) {
        AuditAnchor unsigned = new AuditAnchor(heads, new byte[0]);
        byte[] request = TimeStamps.request(unsigned.imprint());
        return new AuditAnchor(unsigned.heads(), TimeStamps.tokenOf(request, tsa.respond(request)));
    }

    /**
     * Checks that the token is a trusted TSA's stamp over exactly these heads.
     *
     * @return the time the TSA vouches for
     */
    public Instant verify(Collection<X509Certificate> tsaAnchors) {
        return TimeStamps.verify(timeStampToken, imprint(), tsaAnchors);
    }

    /** Whether the entry now stored at the anchored position of {@code chain} is the anchored one. */
    public boolean holds(int chain, AuditChain.Entry stored) {
        return heads.stream().anyMatch(head -> head.chain() == chain && head.position() == stored.sequence()
                && MessageDigest.isEqual(head.hash(), stored.hash()));
    }

    /** Whether this anchors chain 0 alone, as every anchor before the trail was split into chains did. */
    public boolean chainZeroAlone() {
        return heads.size() == 1 && heads.get(0).chain() == 0;
    }

    /** The bytes the time-stamp covers (for one head of chain 0: its position and hash, as anchors always were). */
    public byte[] imprint() {
        if (chainZeroAlone()) {
            Head head = heads.get(0);
            return ByteBuffer.allocate(Long.BYTES + 32).putLong(head.position()).put(head.hash()).array();
        }
        MessageDigest sha256 = Sha256.digest();
        sha256.update(LABEL);
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(heads.size()).array());
        for (Head head : heads) {
            sha256.update(ByteBuffer.allocate(Integer.BYTES + Long.BYTES).putInt(head.chain()).putLong(head.position()).array());
            sha256.update(head.hash());
        }
        return sha256.digest();
    }

    @Override
    public byte[] timeStampToken() {
        return timeStampToken.clone();
    }
}
