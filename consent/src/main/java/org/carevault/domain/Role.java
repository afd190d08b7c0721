package org.carevault.domain;

import java.util.Locale;
import java.util.Optional;

/** The quality in which a caller acts. The names are the Keycloak realm roles, lower-cased. */
public enum Role {
    PHYSICIAN(true),
    PHARMACIST(true),
    NURSE(true),
    HOSPITAL(true),
    PATIENT(false),
    ADMIN(false);

    private final boolean careProvider;

    Role(boolean careProvider) {
        this.careProvider = careProvider;
    }

    public boolean isCareProvider() {
        return careProvider;
    }

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps a realm role or a certificate quality (PHYSICIAN, HOSPITAL, …) to a role. */
    public static Optional<Role> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
