package org.carevault.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CTR-plus-recomputed-tag stream agrees with the JDK's GCM and refuses what it refuses. */
class GcmDecryptingStreamTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 16 * 1024, 16 * 1024 + 5, 100_003})
    void agreesWithTheJdkAndDetectsEveryKindOfTampering(int size) throws Exception {
        Random random = new Random(size);
        byte[] keyBytes = new byte[32];
        byte[] nonce = new byte[12];
        byte[] plaintext = new byte[size];
        random.nextBytes(keyBytes);
        random.nextBytes(nonce);
        random.nextBytes(plaintext);
        SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] sealed = jdk.doFinal(plaintext);
        byte[] ciphertext = Arrays.copyOf(sealed, size);
        byte[] tag = Arrays.copyOfRange(sealed, size, sealed.length);

        GcmDecryptingStream stream = new GcmDecryptingStream(new ByteArrayInputStream(ciphertext), key, nonce);
        assertArrayEquals(plaintext, readInOddPieces(stream, random));
        assertTrue(stream.tagMatches(tag));

        if (size > 0) {
            byte[] badCiphertext = ciphertext.clone();
            badCiphertext[random.nextInt(size)] ^= 1;
            assertFalse(decrypts(key, nonce, badCiphertext, tag), "changed ciphertext");
            assertFalse(decrypts(key, nonce, Arrays.copyOf(ciphertext, size - 1), tag), "truncated ciphertext");
        }
        byte[] badTag = tag.clone();
        badTag[15] ^= (byte) 0x80;
        assertFalse(decrypts(key, nonce, ciphertext, badTag), "changed tag");
        byte[] badNonce = nonce.clone();
        badNonce[0] ^= 1;
        assertFalse(decrypts(key, badNonce, ciphertext, tag), "other nonce");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void aTagIsNeverAcceptedBeforeTheEnd(int size) throws Exception {
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        GcmDecryptingStream stream = new GcmDecryptingStream(new ByteArrayInputStream(new byte[size + 1]), key, new byte[12]);
        stream.read(new byte[size]);
        assertFalse(stream.tagMatches(new byte[16]));
    }

    private static boolean decrypts(SecretKeySpec key, byte[] nonce, byte[] ciphertext, byte[] tag) throws Exception {
        GcmDecryptingStream stream = new GcmDecryptingStream(new ByteArrayInputStream(ciphertext), key, nonce);
        stream.readAllBytes();
        return stream.tagMatches(tag);
    }

    private static byte[] readInOddPieces(InputStream in, Random random) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[40_000];
        for (int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length)); n >= 0;
                n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
