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

    /**
     * Known answers: subjects written the way eHealth certificates are (quoted common names,
     * organisational units with the registration and the name, spaces after commas).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "CN=\"SSIN=72081012378\", OU=eHealth-platform Belgium, OU=Jan Peeters, OU=\"NIHII-PHYSICIAN=12345625004\", O=Federal Government, C=BE"
                + " | PERSON | 72081012378 | 12345625004 | PHYSICIAN | Jan Peeters",
        "CN=\"NIHII-HOSPITAL=71099812\", OU=eHealth-platform Belgium, OU=AZ Demo, O=Federal Government, C=BE"
                + " | ORGANISATION | | 71099812 | HOSPITAL | AZ Demo",
        "CN=SSIN\\=55032001180,OU=Marc Devos,O=CareVault Demo,C=BE | PERSON | 55032001180 | | CITIZEN | Marc Devos",
        "C=BE,O=CareVault Demo,OU=Els Janssens,OU=NIHII-PHARMACIST\\=41234502000,CN=SSIN\\=85021445650"
                + " | PERSON | 85021445650 | 41234502000 | PHARMACIST | Els Janssens"})
    void knownSubjectsParseToTheirIdentity(String subject, String kind, String ssin, String nihii, String quality, String name) {
        CertificateIdentity identity = CertificateIdentity.parse(new X500Principal(subject)).orElseThrow();
        assertEquals(CertificateIdentity.Kind.valueOf(kind), identity.kind());
        assertEquals(ssin, identity.ssin() == null ? null : identity.ssin().value());
        assertEquals(nihii, identity.nihii() == null ? null : identity.nihii().value());
        assertEquals(quality, identity.quality());
        assertEquals(name, identity.displayName());
    }
}
