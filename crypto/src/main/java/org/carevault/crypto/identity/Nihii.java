package org.carevault.crypto.identity;

import java.util.Objects;

/**
 * NIHII/RIZIV/INAMI number of a care provider or a care organisation: six identifying digits, two
 * check digits (97 minus the first six modulo 97) and, for persons, three digits of qualification.
 * Organisations (hospitals, pharmacies) are identified by the first eight digits only.
 */
public final class Nihii {

    private final String value;

    private Nihii(String value) {
        this.value = value;
    }

    public static Nihii of(String text) {
        if (text == null) {
            throw new InvalidIdentifierException("NIHII is missing");
        }
        String digits = text.replaceAll("[ .\\-/]", "");
        if (!digits.matches("\\d{8}|\\d{11}")) {
            throw new InvalidIdentifierException("NIHII must have 8 or 11 digits");
        }
        int base = Integer.parseInt(digits.substring(0, 6));
        int check = Integer.parseInt(digits.substring(6, 8));
        if (check != Ssin.mod97Check(base)) {
            throw new InvalidIdentifierException("NIHII check digits do not match");
        }
        return new Nihii(digits);
    }

    public String value() {
        return value;
    }

    /** The eight digits that identify the provider, without the qualification code. */
    public String base() {
        return value.substring(0, 8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nihii nihii && nihii.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "NIHII[" + value + "]";
    }
}
