package org.carevault.crypto.atrest;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption of a stored record with AES-256-GCM under a data key, bound to the record's identity
 * by associated data: a ciphertext copied to another record or patient does not decrypt. Uses the
 * JDK's provider (fast AES-GCM); Bouncy Castle is never the JCA provider for this.
 *
 * <p>Format: {@code version(1) | nonce(12) | ciphertext+tag(16)}. A fresh random nonce per call;
 * with 96-bit random nonces a data key must not encrypt more than 2^32 records (far beyond one
 * patient's data).
 */
public final class RecordCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordCipher() {
    }

    public static byte[] encrypt(SecretKey dataKey, byte[] plaintext, byte[] associatedData) {
        return encrypt(null, dataKey, plaintext, associatedData);
    }

    /** As {@link #encrypt(SecretKey, byte[], byte[])}, with the key's own provider (e.g. a PKCS#11 token). */
    public static byte[] encrypt(Provider provider, SecretKey dataKey, byte[] plaintext, byte[] associatedData) {
        requireAes256(dataKey);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(provider);
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header(associatedData));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new RecordCipherException("encryption failed", e);
        }
    }

    /** Decrypts, or fails when the key, the associated data or any byte of the ciphertext differs. */
    public static byte[] decrypt(SecretKey dataKey, byte[] ciphertext, byte[] associatedData) {
        return decrypt(null, dataKey, ciphertext, associatedData);
    }

    /** As {@link #decrypt(SecretKey, byte[], byte[])}, with the key's own provider (e.g. a PKCS#11 token). */
    public static byte[] decrypt(Provider provider, SecretKey dataKey, byte[] ciphertext, byte[] associatedData) {
        requireAes256(dataKey);
        if (ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8 || ciphertext[0] != VERSION) {
            throw new RecordCipherException("not a CareVault record ciphertext", null);
        }
        try {
            Cipher cipher = cipher(provider);
            cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
            cipher.updateAAD(header(associatedData));
            return cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new RecordCipherException("the record does not decrypt: wrong key, wrong record, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new RecordCipherException("decryption failed", e);
        }
    }

    /** The version is authenticated with the caller's associated data, so it cannot be swapped. */
    private static byte[] header(byte[] associatedData) {
        return ByteBuffer.allocate(1 + associatedData.length).put(VERSION).put(associatedData).array();
    }

    private static Cipher cipher(Provider provider) throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", provider);
    }

    /** AES-256; a key that never leaves its token (no encoding) is taken at the token's word. */
    private static void requireAes256(SecretKey key) {
        boolean aes = "AES".equalsIgnoreCase(key.getAlgorithm());
        byte[] encoded = key.getEncoded();
        if (!aes || (encoded != null && encoded.length != 32)) {
            throw new RecordCipherException("a record key must be AES-256", null);
        }
    }
}
