package org.carevault.application.preference;

import java.util.Locale;
import java.util.Optional;

/** The languages the hub speaks: Belgium's three official languages and English. */
public enum Language {
    NL, FR, DE, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
