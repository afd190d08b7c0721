package org.carevault.domain.consent;

import java.util.Objects;
import java.util.regex.Pattern;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;

/**
 * A patient as the hub refers to them everywhere outside the resolve call: a keyed pseudonym of the
 * SSIN (24 characters of base64url), stable for a hub, revealing nothing about the SSIN or about
 * whether the hub knows the patient. The SSIN itself is never stored beside the patient's data.
 */
public record PatientRef(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{24}");

    public PatientRef {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a patient reference");
        }
    }

    /** Parses a reference given by a caller; a malformed one is simply not found. */
    public static PatientRef parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        return new PatientRef(text);
    }

    @Override
    public String toString() {
        return "patient:" + value.substring(0, 4) + "…";
    }
}
