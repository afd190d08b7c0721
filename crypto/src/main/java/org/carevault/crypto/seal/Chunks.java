package org.carevault.crypto.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

/**
 * Feeds large content to ciphers and digests in 16 KiB pieces. The JDK's AES-GCM and SHA-256 only
 * reach their hardware-accelerated speed when the JIT sees many calls of moderate size; one call
 * with 10 MB runs the slow Java loop (measured: GHASH in the interpreter dominated sealing).
 */
final class Chunks {

    static final int SIZE = 16 * 1024;

    private Chunks() {
    }

    /** Runs the cipher over {@code first} and then {@code second}, in chunks, and finishes it. */
    static byte[] finish(Cipher cipher, byte[] first, byte[] second) throws GeneralSecurityException {
        byte[] out = new byte[cipher.getOutputSize(first.length + second.length)];
        int written = 0;
        for (byte[] part : new byte[][] {first, second}) {
            for (int offset = 0; offset < part.length; offset += SIZE) {
                written += cipher.update(part, offset, Math.min(SIZE, part.length - offset), out, written);
            }
        }
        written += cipher.doFinal(out, written);
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    /**
     * AES-GCM decryption at the speed of the JDK's intrinsics: the JDK 17 GCM decryptor buffers all
     * ciphertext and authenticates it in one slow call, so instead the plaintext is recovered with
     * AES-CTR (GCM's keystream starts at counter 2 for a 96-bit nonce) and the tag is recomputed by
     * encrypting that plaintext again with GCM under the same nonce — which yields exactly the
     * received ciphertext and its true tag. The recomputed output is never used beyond the tag
     * comparison, and the plaintext is released only if the tags match.
     */
    static byte[] decryptGcm(SecretKeySpec key, byte[] nonce, int tagBytes, byte[] aad, byte[] ciphertext, byte[] tag)
            throws GeneralSecurityException {
        if (nonce.length != 12 || tagBytes != 16 || tag.length != 16) {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tagBytes * 8, nonce));
            if (aad != null) {
                gcm.updateAAD(aad);
            }
            return finish(gcm, ciphertext, tag);
        }
        byte[] counter = Arrays.copyOf(nonce, 16);
        counter[15] = 2;
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
        byte[] plaintext = finish(ctr, ciphertext, new byte[0]);

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        if (aad != null) {
            gcm.updateAAD(aad);
        }
        byte[] recomputed = finish(gcm, plaintext, new byte[0]);
        byte[] expectedTag = Arrays.copyOfRange(recomputed, recomputed.length - 16, recomputed.length);
        if (!MessageDigest.isEqual(expectedTag, tag)) {
            Arrays.fill(plaintext, (byte) 0);
            throw new AEADBadTagException("tag mismatch");
        }
        return plaintext;
    }

    /** Content of type id-data that writes itself in chunks. */
    static CMSTypedData content(byte[] bytes) {
        return new CMSTypedData() {
            @Override
            public ASN1ObjectIdentifier getContentType() {
                return CMSObjectIdentifiers.data;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                for (int offset = 0; offset < bytes.length; offset += SIZE) {
                    out.write(bytes, offset, Math.min(SIZE, bytes.length - offset));
                }
            }

            @Override
            public Object getContent() {
                return bytes.clone();
            }
        };
    }
}
