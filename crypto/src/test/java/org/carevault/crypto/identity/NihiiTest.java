package org.carevault.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NihiiTest {

    @Test
    void acceptsAHospitalNumber() {
        assertEquals("71099812", Nihii.of("71099812").value());
    }

    @Test
    void acceptsAProfessionalNumberWithQualification() {
        Nihii nihii = Nihii.of("1-23456-25-004");
        assertEquals("12345625004", nihii.value());
        assertEquals("12345625", nihii.base());
    }

    @ParameterizedTest
    @ValueSource(strings = {"71099813", "7109981", "123456250041", "abcdefgh"})
    void refusesMalformedNumbers(String text) {
        assertThrows(InvalidIdentifierException.class, () -> Nihii.of(text));
    }
}
