package org.carevault.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsinTest {

    @ParameterizedTest
    @ValueSource(strings = {"72081012378", "85021445650", "90050123412", "55032001180", "62070834587"})
    void acceptsTheDemoIdentities(String ssin) {
        assertEquals(ssin, Ssin.of(ssin).value());
    }

    @Test
    void acceptsSeparatorsAndNormalises() {
        assertEquals("72081012378", Ssin.of("72.08.10-123.78").value());
    }

    @Test
    void acceptsPeopleBornFrom2000() {
        // 01020312345: base 010203123, check computed over 2010203123
        long base = 10203123L;
        int check = (int) (97 - ((2_000_000_000L + base) % 97));
        String ssin = String.format("%09d%02d", base, check);
        assertTrue(Ssin.isValid(ssin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"72081012379", "7208101237", "720810123780", "7208101237A", ""})
    void refusesWrongCheckDigitsOrLength(String text) {
        assertFalse(Ssin.isValid(text));
        assertThrows(InvalidIdentifierException.class, () -> Ssin.of(text));
    }

    @Test
    void neverPrintsTheFullNumber() {
        String printed = Ssin.of("72081012378").toString();
        assertFalse(printed.contains("720810123"), printed);
    }

    @Test
    void errorMessagesDoNotEchoTheValue() {
        InvalidIdentifierException error = assertThrows(InvalidIdentifierException.class, () -> Ssin.of("72081012379"));
        assertFalse(error.getMessage().contains("7208"));
    }
}
