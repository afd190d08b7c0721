package org.carevault.crypto.identity;

import java.util.Objects;

/**
 * Belgian social security identification number (INSZ/NISS/SSIN): 11 digits, the last two a
 * modulo-97 check over the first nine (prefixed with "2" for people born from 2000 on).
 *
 * <p>{@link #toString()} masks the number so that an SSIN never lands in a log line by accident;
 * use {@link #value()} where the full number is really needed.
 */
public final class Ssin {

    private final String value;

    private Ssin(String value) {
        this.value = value;
    }

    /** Parses an SSIN, accepting the usual separators (dots, dashes, spaces). */
    public static Ssin of(String text) {
        if (text == null) {
            throw new InvalidIdentifierException("SSIN is missing");
        }
        String digits = text.replaceAll("[ .\\-]", "");
        if (!digits.matches("\\d{11}")) {
            throw new InvalidIdentifierException("SSIN must have 11 digits");
        }
        long base = Long.parseLong(digits.substring(0, 9));
        int check = Integer.parseInt(digits.substring(9));
        if (check != mod97Check(base) && check != mod97Check(2_000_000_000L + base)) {
            throw new InvalidIdentifierException("SSIN check digits do not match");
        }
        return new Ssin(digits);
    }

    public static boolean isValid(String text) {
        try {
            of(text);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    static int mod97Check(long number) {
        return (int) (97 - (number % 97));
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ssin ssin && ssin.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "SSIN[***" + value.substring(9) + "]";
    }
}
