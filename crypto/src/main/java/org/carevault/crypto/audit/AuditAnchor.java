package org.carevault.crypto.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import org.carevault.crypto.timestamp.TimeStampAuthority;
import org.carevault.crypto.timestamp.TimeStamps;

/**
 * A periodic anchor of the audit chain: an RFC 3161 time-stamp over the head's sequence number and
 * hash. Kept outside the database (and shown to patients), it proves that the chain up to that entry
 * existed at that time: rewriting history and recomputing every hash after it no longer goes unseen.
 */
public record AuditAnchor(long sequence, byte[] headHash, byte[] timeStampToken) {

    public AuditAnchor {
        headHash = headHash.clone();
        timeStampToken = timeStampToken.clone();
    }

    /** Anchors the given head with a token from the time-stamp authority. */
    public static AuditAnchor of(AuditChain.Entry head, TimeStampAuthority tsa) {
        byte[] imprint = imprint(head.sequence(), head.hash());
        byte[] request = TimeStamps.request(imprint);
        return new AuditAnchor(head.sequence(), head.hash(), TimeStamps.tokenOf(request, tsa.respond(request)));
    }

    /**
     * Checks the anchor against the entry now stored at its position: the token verifies under a
     * trusted TSA and the stored hash is the anchored one.
     *
     * @return the time the TSA vouches for
     */
    public Instant verify(AuditChain.Entry stored, Collection<X509Certificate> tsaAnchors) {
        Instant time = TimeStamps.verify(timeStampToken, imprint(sequence, headHash), tsaAnchors);
        if (stored.sequence() != sequence || !MessageDigest.isEqual(stored.hash(), headHash)) {
            throw new IllegalStateException("the stored chain differs from the anchored one at entry " + sequence);
        }
        return time;
    }

    @Override
    public byte[] headHash() {
        return headHash.clone();
    }

    @Override
    public byte[] timeStampToken() {
        return timeStampToken.clone();
    }

    private static byte[] imprint(long sequence, byte[] hash) {
        return ByteBuffer.allocate(Long.BYTES + hash.length).putLong(sequence).put(hash).array();
    }
}
