package org.carevault.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CTR-plus-recomputed-tag decryption agrees with the JDK's GCM and refuses what it refuses. */
class ChunksTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 16 * 1024, 16 * 1024 + 5, 100_003})
    void agreesWithTheJdkAndDetectsEveryKindOfTampering(int size) throws Exception {
        Random random = new Random(size);
        byte[] keyBytes = new byte[32];
        byte[] nonce = new byte[12];
        byte[] aad = new byte[23];
        byte[] plaintext = new byte[size];
        random.nextBytes(keyBytes);
        random.nextBytes(nonce);
        random.nextBytes(aad);
        random.nextBytes(plaintext);
        SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        jdk.updateAAD(aad);
        byte[] sealed = jdk.doFinal(plaintext);
        byte[] ciphertext = Arrays.copyOf(sealed, size);
        byte[] tag = Arrays.copyOfRange(sealed, size, size + 16);

        assertArrayEquals(plaintext, Chunks.decryptGcm(key, nonce, 16, aad, ciphertext, tag));

        if (size > 0) {
            byte[] badCiphertext = ciphertext.clone();
            badCiphertext[random.nextInt(size)] ^= 1;
            assertThrows(AEADBadTagException.class, () -> Chunks.decryptGcm(key, nonce, 16, aad, badCiphertext, tag));
        }
        byte[] badTag = tag.clone();
        badTag[15] ^= 1;
        assertThrows(AEADBadTagException.class, () -> Chunks.decryptGcm(key, nonce, 16, aad, ciphertext, badTag));
        byte[] badAad = aad.clone();
        badAad[0] ^= 1;
        assertThrows(AEADBadTagException.class, () -> Chunks.decryptGcm(key, nonce, 16, badAad, ciphertext, tag));
        byte[] badNonce = nonce.clone();
        badNonce[11] ^= 1;
        assertThrows(AEADBadTagException.class, () -> Chunks.decryptGcm(key, badNonce, 16, aad, ciphertext, tag));
    }
}
