package org.carevault.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LetterTest {

    private static final Letter LETTER = Letter.text("Verwijsbrief — cardiologie", "Beste collega,\nGraag uw advies.",
            new Letter.Annex("ECG 2026-11-27.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F', 0, (byte) 0xFF}),
            new Letter.Annex("labo.txt", "text/plain", "CRP 12 mg/L".getBytes(StandardCharsets.UTF_8)));

    @Test
    void aLetterWithAnnexesReadsBackAsWritten() {
        Letter read = Letter.decode(LETTER.encode());
        assertEquals(LETTER, read);
        assertEquals("Beste collega,\nGraag uw advies.", read.bodyText());
        assertEquals("ECG 2026-11-27.pdf", read.annexes().get(0).title());
    }

    @Test
    void everyTruncationAndTrailingByteIsRefused() {
        byte[] encoded = LETTER.encode();
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThrows(IllegalArgumentException.class, () -> Letter.decode(truncated), "cut at " + length);
        }
        assertThrows(IllegalArgumentException.class, () -> Letter.decode(Arrays.copyOf(encoded, encoded.length + 1)));
    }

    @Test
    void randomBytesAreNeverReadAsALetterWithoutTheMagic() {
        Random random = new Random(20261128);
        for (int i = 0; i < 1000; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            assertThrows(IllegalArgumentException.class, () -> Letter.decode(noise));
        }
    }
}
