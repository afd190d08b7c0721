package org.carevault.crypto.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The care identity carried in a certificate subject, in the style of eHealth certificates:
 * the common name holds the primary identifier ({@code SSIN=…} for a person,
 * {@code NIHII-HOSPITAL=…} for an organisation), an organisational unit holds the professional
 * registration with its quality ({@code NIHII-PHYSICIAN=…}) and another the display name.
 *
 * <pre>
 * person:       CN=SSIN=72081012378, OU=NIHII-PHYSICIAN=12345625004, OU=Jan Peeters, O=…, C=BE
 * organisation: CN=NIHII-HOSPITAL=71099812, OU=AZ Demo, O=…, C=BE
 * </pre>
 */
public record CertificateIdentity(Kind kind, Ssin ssin, Nihii nihii, String quality, String displayName) {

    public enum Kind { PERSON, ORGANISATION }

    private static final String SSIN = "SSIN";
    private static final String NIHII_PREFIX = "NIHII-";
    /** The unit eHealth puts in every certificate; it names the issuer's platform, not the holder. */
    private static final String PLATFORM_UNIT = "eHealth-platform Belgium";

    public static CertificateIdentity person(Ssin ssin, Nihii nihii, String quality, String displayName) {
        return new CertificateIdentity(Kind.PERSON, ssin, nihii, normaliseQuality(quality), displayName);
    }

    public static CertificateIdentity organisation(Nihii nihii, String quality, String displayName) {
        return new CertificateIdentity(Kind.ORGANISATION, null, nihii, normaliseQuality(quality), displayName);
    }

    /** The subject distinguished name for this identity under the given organisation. */
    public X500Principal toSubject(String organisation) {
        List<Rdn> rdns = new ArrayList<>();
        try {
            rdns.add(new Rdn("C", "BE"));
            rdns.add(new Rdn("O", organisation));
            rdns.add(new Rdn("OU", displayName));
            if (kind == Kind.PERSON) {
                if (nihii != null) {
                    rdns.add(new Rdn("OU", NIHII_PREFIX + quality + "=" + nihii.value()));
                }
                rdns.add(new Rdn("CN", SSIN + "=" + ssin.value()));
            } else {
                rdns.add(new Rdn("CN", NIHII_PREFIX + quality + "=" + nihii.base()));
            }
        } catch (InvalidNameException e) {
            throw new InvalidIdentifierException("identity cannot be written as a subject");
        }
        return new X500Principal(new LdapName(rdns).toString());
    }

    /** Reads the identity from a certificate subject, or empty when the subject carries none. */
    public static Optional<CertificateIdentity> parse(X500Principal subject) {
        return parse(subject.getName(X500Principal.RFC2253));
    }

    public static Optional<CertificateIdentity> parse(String rfc2253Name) {
        LdapName name;
        try {
            name = new LdapName(rfc2253Name);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        String commonName = null;
        String registration = null;
        String displayName = null;
        for (Rdn rdn : name.getRdns()) {
            String type = rdn.getType().toUpperCase(Locale.ROOT);
            String value = String.valueOf(rdn.getValue());
            if (type.equals("CN")) {
                commonName = value;
            } else if (type.equals("OU") && value.startsWith(NIHII_PREFIX)) {
                registration = value;
            } else if (type.equals("OU") && !value.contains("=") && !PLATFORM_UNIT.equals(value)) {
                displayName = value;
            }
        }
        if (commonName == null) {
            return Optional.empty();
        }
        try {
            if (commonName.startsWith(SSIN + "=")) {
                Ssin ssin = Ssin.of(commonName.substring(SSIN.length() + 1));
                if (registration == null) {
                    return Optional.of(person(ssin, null, "CITIZEN", displayName));
                }
                return Optional.of(person(ssin, Nihii.of(valueOf(registration)), qualityOf(registration), displayName));
            }
            if (commonName.startsWith(NIHII_PREFIX)) {
                return Optional.of(organisation(Nihii.of(valueOf(commonName)), qualityOf(commonName), displayName));
            }
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String valueOf(String typedValue) {
        return typedValue.substring(typedValue.indexOf('=') + 1);
    }

    private static String qualityOf(String typedValue) {
        return typedValue.substring(NIHII_PREFIX.length(), typedValue.indexOf('='));
    }

    private static String normaliseQuality(String quality) {
        if (quality == null || !quality.matches("[A-Za-z_]{2,40}")) {
            throw new InvalidIdentifierException("quality must be a word");
        }
        return quality.toUpperCase(Locale.ROOT);
    }
}
