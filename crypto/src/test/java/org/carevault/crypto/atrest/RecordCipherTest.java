package org.carevault.crypto.atrest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordCipherTest {

    private static final byte[] RECORD_A = "patient:55032001180/medication-scheme/v7".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECORD_B = "patient:62070834587/medication-scheme/v7".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTENT = "<kmehrmessage>Paracetamol 1 g</kmehrmessage>".getBytes(StandardCharsets.UTF_8);

    private SecretKey key;

    @BeforeEach
    void newKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        key = generator.generateKey();
    }

    @Test
    void roundTripsAndHidesTheContent() {
        byte[] sealed = RecordCipher.encrypt(key, CONTENT, RECORD_A);

        assertArrayEquals(CONTENT, RecordCipher.decrypt(key, sealed, RECORD_A));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Paracetamol"));
        assertEquals(1 + 12 + CONTENT.length + 16, sealed.length);
    }

    @Test
    void theSameContentEncryptsDifferentlyEachTime() {
        assertNotEquals(Arrays.toString(RecordCipher.encrypt(key, CONTENT, RECORD_A)),
                Arrays.toString(RecordCipher.encrypt(key, CONTENT, RECORD_A)));
    }

    @Test
    void aCiphertextMovedToAnotherRecordDoesNotDecrypt() {
        byte[] sealed = RecordCipher.encrypt(key, CONTENT, RECORD_A);
        assertThrows(RecordCipherException.class, () -> RecordCipher.decrypt(key, sealed, RECORD_B));
    }

    @Test
    void everyFlippedByteIsDetected() {
        byte[] sealed = RecordCipher.encrypt(key, CONTENT, RECORD_A);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(RecordCipherException.class, () -> RecordCipher.decrypt(key, tampered, RECORD_A), "byte " + i);
        }
    }

    @Test
    void anotherKeyOrAWeakKeyIsRefused() throws Exception {
        byte[] sealed = RecordCipher.encrypt(key, CONTENT, RECORD_A);
        SecretKey other = KeyGenerator.getInstance("AES").generateKey();
        KeyGenerator generator128 = KeyGenerator.getInstance("AES");
        generator128.init(128);
        SecretKey weak = generator128.generateKey();

        assertThrows(RecordCipherException.class, () -> RecordCipher.decrypt(other, sealed, RECORD_A));
        assertThrows(RecordCipherException.class, () -> RecordCipher.encrypt(weak, CONTENT, RECORD_A));
        assertThrows(RecordCipherException.class, () -> RecordCipher.decrypt(key, new byte[5], RECORD_A));
    }
}
