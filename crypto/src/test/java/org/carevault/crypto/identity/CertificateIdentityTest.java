package org.carevault.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class CertificateIdentityTest {

    @Test
    void aPersonSurvivesTheRoundTripThroughASubject() {
        CertificateIdentity gp = CertificateIdentity.person(Ssin.of("72081012378"), Nihii.of("12345625004"),
                "physician", "Jan Peeters");
        X500Principal subject = gp.toSubject("CareVault Demo");

        assertTrue(subject.getName().startsWith("CN=SSIN\\=72081012378,OU=NIHII-PHYSICIAN\\=12345625004"),
                subject.getName());
        assertEquals(gp, CertificateIdentity.parse(subject).orElseThrow());
    }

    @Test
    void anOrganisationIsIdentifiedByItsEightDigitNihii() {
        CertificateIdentity hospital = CertificateIdentity.organisation(Nihii.of("71099812"), "HOSPITAL", "AZ Demo");
        X500Principal subject = hospital.toSubject("CareVault Demo");

        CertificateIdentity parsed = CertificateIdentity.parse(subject).orElseThrow();
        assertEquals(CertificateIdentity.Kind.ORGANISATION, parsed.kind());
        assertEquals("71099812", parsed.nihii().value());
        assertEquals("HOSPITAL", parsed.quality());
        assertNull(parsed.ssin());
    }

    @Test
    void aSubjectWithoutCareIdentityOrWithABadCheckDigitHasNone() {
        assertTrue(CertificateIdentity.parse(new X500Principal("CN=CareVault Hub, O=CareVault, C=BE")).isEmpty());
        assertTrue(CertificateIdentity.parse(new X500Principal("CN=SSIN=72081012379, C=BE")).isEmpty());
        assertTrue(CertificateIdentity.parse("not a name").isEmpty());
    }
}
