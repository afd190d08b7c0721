package org.carevault.crypto.identity;

import java.util.Optional;

/**
 * The SAML attributes by which eHealth names a care provider in an STS assertion (facts of the eHealth STS
 * contract): the SSIN in the identification namespace, the certified qualities and their NIHII numbers in eHealth's
 * certified namespace; a hospital by its NIHII number, recognised as a hospital. One place for the demo STS that writes
 * them and the hub that reads them.
 */
public final class EHealthAttributes {

    /** Where eHealth names people. */
    public static final String IDENTIFICATION = "urn:be:fgov:identification-namespace";
    /** What eHealth certifies about them. */
    public static final String CERTIFIED = "urn:be:fgov:certified-namespace:ehealth";
    /** The SSIN of the certificate's holder (identification namespace). */
    public static final String CERTIFICATE_HOLDER_SSIN = "urn:be:fgov:ehealth:1.0:certificateholder:person:ssin";
    /** The SSIN of the person (identification namespace). */
    public static final String PERSON_SSIN = "urn:be:fgov:person:ssin";

    /** The NIHII number of the hospital holding the certificate (identification namespace). */
    public static final String HOSPITAL_NIHII = "urn:be:fgov:ehealth:1.0:certificateholder:hospital:nihii-number";
    /** Whether eHealth recognises the certificate's holder as a hospital (certified namespace). */
    public static final String HOSPITAL_RECOGNISED = HOSPITAL_NIHII + ":recognisedhospital:boolean";
    /** The recognised hospital's NIHII number, eleven digits (certified namespace). */
    public static final String HOSPITAL_NIHII11 = "urn:be:fgov:ehealth:1.0:hospital:nihii-number:recognisedhospital:nihii11";

    private EHealthAttributes() {
    }

    /** The care qualities eHealth certifies, by the word in their attribute names, and the certificate quality each is. */
    public enum Quality {
        DOCTOR("doctor", "PHYSICIAN"), PHARMACIST("pharmacist", "PHARMACIST"), NURSE("nurse", "NURSE");

        private final String word;
        private final String certificateQuality;

        Quality(String word, String certificateQuality) {
            this.word = word;
            this.certificateQuality = certificateQuality;
        }

        /** {@code urn:be:fgov:person:ssin:doctor:boolean}: whether the person holds the quality. */
        public String booleanAttribute() {
            return PERSON_SSIN + ":" + word + ":boolean";
        }

        /** {@code urn:be:fgov:person:ssin:ehealth:1.0:nihii:doctor:nihii11}: the person's NIHII number in it. */
        public String nihiiAttribute() {
            return PERSON_SSIN + ":ehealth:1.0:nihii:" + word + ":nihii11";
        }

        /** The quality as a certificate subject writes it ({@link CertificateIdentity#quality()}). */
        public String certificateQuality() {
            return certificateQuality;
        }

        /** The certified quality a certificate's quality is, if eHealth certifies it. */
        public static Optional<Quality> ofCertificate(String quality) {
            for (Quality candidate : values()) {
                if (candidate.certificateQuality.equals(quality)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }
}
