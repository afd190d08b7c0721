package org.carevault.domain;

/**
 * How strongly the caller proved who they are in the session behind the call: the OpenID Connect {@code acr} of the
 * token (the realm maps {@code password} to level 1 and {@code mfa} to level 2), or what the wire's credential is.
 * Unknown is the lowest: a caller is strong only when its credential says so.
 */
public enum Assurance {
    /** One factor: a password (acr {@code password}), or nothing the hub can tell more of. */
    SINGLE_FACTOR,
    /** A password and a second factor (TOTP or WebAuthn) in this session: acr {@code mfa}. */
    MULTI_FACTOR;

    /** The acr value the realm gives this level (RFC 9470 names it in a step-up challenge). */
    public String acr() {
        return this == MULTI_FACTOR ? "mfa" : "password";
    }

    /** The level an {@code acr} claim names; anything else (absent, {@code 0}, {@code 1}, unknown) is one factor. */
    public static Assurance ofAcr(String acr) {
        return "mfa".equals(acr) ? MULTI_FACTOR : SINGLE_FACTOR;
    }
}
