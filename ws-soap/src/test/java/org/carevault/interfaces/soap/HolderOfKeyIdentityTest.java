package org.carevault.interfaces.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The assertion's attributes against the holder's certificate: the same person, in a quality the certificate holds. */
class HolderOfKeyIdentityTest {

    private static final String SSIN = "urn:be:fgov:identification-namespace|urn:be:fgov:person:ssin";
    private static final String HOLDER_SSIN = "urn:be:fgov:identification-namespace|urn:be:fgov:ehealth:1.0:certificateholder:person:ssin";
    private static final String DOCTOR = "urn:be:fgov:certified-namespace:ehealth|urn:be:fgov:person:ssin:doctor:boolean";
    private static final String NURSE = "urn:be:fgov:certified-namespace:ehealth|urn:be:fgov:person:ssin:nurse:boolean";
    private static final String DOCTOR_NIHII =
            "urn:be:fgov:certified-namespace:ehealth|urn:be:fgov:person:ssin:ehealth:1.0:nihii:doctor:nihii11";

    private static X509Certificate gp;
    private static X509Certificate hospital;

    @BeforeAll
    static void certificates() {
        CertificateAuthority ca = CertificateAuthority.createRoot(new X500Principal("CN=Test CA, C=BE"), Duration.ofDays(1));
        gp = ca.issue(CertificateIdentity.person(Ssin.of("72081012378"), Nihii.of("12345625004"), "PHYSICIAN", "Jan Peeters")
                .toSubject("Test"), Duration.ofDays(1), CertificateAuthority.Usage.PARTY).certificate();
        hospital = ca.issue(CertificateIdentity.organisation(Nihii.of("71099812"), "HOSPITAL", "AZ Demo").toSubject("Test"),
                Duration.ofDays(1), CertificateAuthority.Usage.PARTY).certificate();
    }

    @Test
    void theSamePersonInTheCertificatesQualityIsTheCertificatesIdentity() {
        CertificateIdentity identity = HolderOfKeyAuthenticator.identityOf(gp, Map.of(SSIN, List.of("72081012378"),
                HOLDER_SSIN, List.of("72081012378"), DOCTOR, List.of("true"), DOCTOR_NIHII, List.of("12345625004")));
        assertEquals("72081012378", identity.ssin().value());
        assertEquals("PHYSICIAN", identity.quality());
        assertEquals(identity, HolderOfKeyAuthenticator.identityOf(gp, Map.of(SSIN, List.of("72081012378"),
                DOCTOR, List.of("true"))), "the NIHII only when asked for");
    }

    private static final String HOSPITAL_NIHII =
            "urn:be:fgov:identification-namespace|urn:be:fgov:ehealth:1.0:certificateholder:hospital:nihii-number";
    private static final String RECOGNISED = "urn:be:fgov:certified-namespace:ehealth"
            + "|urn:be:fgov:ehealth:1.0:certificateholder:hospital:nihii-number:recognisedhospital:boolean";
    private static final String NIHII11 = "urn:be:fgov:certified-namespace:ehealth"
            + "|urn:be:fgov:ehealth:1.0:hospital:nihii-number:recognisedhospital:nihii11";

    @Test
    void aRecognisedHospitalWithItsOwnNihiiIsTheCertificatesIdentity() {
        CertificateIdentity identity = HolderOfKeyAuthenticator.identityOf(hospital, Map.of(HOSPITAL_NIHII, List.of("71099812"),
                RECOGNISED, List.of("true"), NIHII11, List.of("71099812000")));
        assertEquals(CertificateIdentity.Kind.ORGANISATION, identity.kind());
        assertEquals("71099812", identity.nihii().base());
        List<Map<String, List<String>>> refused = List.of(
                Map.of(RECOGNISED, List.of("true")),                                                 // no NIHII
                Map.of(HOSPITAL_NIHII, List.of("71099812")),                                         // not recognised
                Map.of(HOSPITAL_NIHII, List.of("71099812"), RECOGNISED, List.of("false")),
                Map.of(HOSPITAL_NIHII, List.of("71000436"), RECOGNISED, List.of("true")),             // another hospital
                Map.of(HOSPITAL_NIHII, List.of("71099812"), RECOGNISED, List.of("true"), NIHII11, List.of("71000436000")),
                Map.of(HOSPITAL_NIHII, List.of("not a number"), RECOGNISED, List.of("true")));
        for (Map<String, List<String>> attributes : refused) {
            assertEquals(ErrorCode.ASSERTION_IDENTITY_MISMATCH, assertThrows(CareVaultException.class,
                    () -> HolderOfKeyAuthenticator.identityOf(hospital, attributes), attributes::toString).errorCode());
        }
        assertThrows(CareVaultException.class, () -> HolderOfKeyAuthenticator.identityOf(gp, Map.of(HOSPITAL_NIHII,
                List.of("71099812"), RECOGNISED, List.of("true"))), "a person's certificate with a hospital's attributes");
    }

    @Test
    void anythingElseIsRefused() {
        List<Map<String, List<String>>> refused = List.of(
                Map.of(DOCTOR, List.of("true")),                                                   // no SSIN
                Map.of(SSIN, List.of("85021445650"), DOCTOR, List.of("true")),                     // another person
                Map.of(SSIN, List.of("72081012378"), HOLDER_SSIN, List.of("85021445650"), DOCTOR, List.of("true")),
                Map.of(SSIN, List.of("72081012378")),                                              // no quality
                Map.of(SSIN, List.of("72081012378"), DOCTOR, List.of("false")),                    // not certified
                Map.of(SSIN, List.of("72081012378"), NURSE, List.of("true")),                      // another quality
                Map.of(SSIN, List.of("72081012378"), DOCTOR, List.of("true", "true")),             // said twice
                Map.of(SSIN, List.of("72081012378"), DOCTOR, List.of("true"), DOCTOR_NIHII, List.of("19999999999")));
        for (Map<String, List<String>> attributes : refused) {
            CareVaultException e = assertThrows(CareVaultException.class,
                    () -> HolderOfKeyAuthenticator.identityOf(gp, attributes), attributes::toString);
            assertEquals(ErrorCode.ASSERTION_IDENTITY_MISMATCH, e.errorCode());
        }
        assertThrows(CareVaultException.class, () -> HolderOfKeyAuthenticator.identityOf(hospital,
                Map.of(SSIN, List.of("72081012378"), DOCTOR, List.of("true"))), "an organisation's certificate");
    }
}
