package org.carevault.crypto.seal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
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
        return written == out.length ? out : java.util.Arrays.copyOf(out, written);
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
