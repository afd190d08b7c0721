package org.carevault.crypto.seal;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-GCM decryption as a stream, at the speed of the JDK's intrinsics and in constant memory. The
 * JDK's GCM decryptor holds back all plaintext until the tag (so a 10 MB message would sit in memory
 * twice, and its one large call runs slowly). Here the plaintext is recovered with AES-CTR (GCM's
 * keystream starts at counter 2 for a 96-bit nonce) and the tag is recomputed on the way by
 * encrypting that plaintext again with GCM under the same nonce, which yields exactly the received
 * ciphertext and its true tag.
 *
 * <p>The plaintext read from this stream is unauthenticated until {@link #tagMatches(byte[])}
 * returns true after the end of the stream; callers must not release it before that.
 */
final class GcmDecryptingStream extends InputStream {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private final InputStream ciphertext;
    private final Cipher ctr;
    private final Cipher gcm;
    private final byte[] input = new byte[Chunks.SIZE];
    private final byte[] discarded = new byte[Chunks.SIZE + 2 * TAG_BYTES];
    private byte[] computedTag;

    GcmDecryptingStream(InputStream ciphertext, SecretKey key, byte[] nonce) throws GeneralSecurityException {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("a 96-bit nonce is required");
        }
        this.ciphertext = ciphertext;
        byte[] counter = Arrays.copyOf(nonce, 16);
        counter[15] = 2;
        ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
        gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (computedTag != null) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = ciphertext.read(input, 0, Math.min(length, input.length));
        try {
            if (n < 0) {
                byte[] last = gcm.doFinal();
                computedTag = Arrays.copyOfRange(last, last.length - TAG_BYTES, last.length);
                return -1;
            }
            if (ctr.update(input, 0, n, buffer, offset) != n) {
                throw new IllegalStateException("CTR mode must not buffer");
            }
            gcm.update(buffer, offset, n, discarded, 0);
            return n;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM failed", e);
        }
    }

    /** True if the whole ciphertext was read and its tag is the one given (compared in constant time). */
    boolean tagMatches(byte[] tag) {
        return computedTag != null && MessageDigest.isEqual(computedTag, tag);
    }
}
