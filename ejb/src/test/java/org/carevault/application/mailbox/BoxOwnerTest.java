package org.carevault.application.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BoxOwnerTest {

    @Test
    void aBoxReadsBackFromItsWrittenForm() {
        BoxOwner gp = BoxOwner.parse("SSIN:72.08.10-123.78:physician");
        assertEquals(new BoxOwner("SSIN", "72081012378", Role.PHYSICIAN), gp);
        assertEquals("SSIN:72081012378:PHYSICIAN", gp.written());
        assertEquals(gp, BoxOwner.parse(gp.written()));
        assertEquals(new BoxOwner("NIHII", "71099812", Role.HOSPITAL), BoxOwner.parse("NIHII:71099812:HOSPITAL"));
        assertFalse(gp.toString().contains("72081012378"), "a box in a log line never shows a whole SSIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SSIN:72081012378", "SSIN:72081012379:PHYSICIAN", "SSIN:72081012378:PATIENT",
        "SSIN:72081012378:ADMIN", "SSIN:72081012378:HOSPITAL", "EMAIL:a@b:PHYSICIAN", "NIHII:71099813:HOSPITAL",
        "SSIN:72081012378:PHYSICIAN:X", "SSIN::PHYSICIAN"})
    void anythingElseIsRefusedWithoutEchoingIt(String text) {
        CareVaultException refused = assertThrows(CareVaultException.class, () -> BoxOwner.parse(text));
        assertEquals(ErrorCode.REQUEST_INVALID, refused.errorCode());
        assertFalse(!text.isEmpty() && String.valueOf(refused.detail()).contains(text), "the input is not echoed");
    }

    @Test
    void aCertificateNamesABoxByItsSsinOrItsOrganisationsNihii() {
        CertificateIdentity person = CertificateIdentity.person(Ssin.of("72081012378"), Nihii.of("12345625004"), "PHYSICIAN", "Jan");
        assertTrue(BoxOwner.parse("SSIN:72081012378:PHYSICIAN").isNamedBy(person));
        assertTrue(BoxOwner.parse("SSIN:72081012378:NURSE").isNamedBy(person), "the quality is the caller's, not the certificate's");
        assertFalse(BoxOwner.parse("SSIN:85021445650:PHARMACIST").isNamedBy(person));
        assertFalse(BoxOwner.parse("NIHII:12345625:HOSPITAL").isNamedBy(person), "a person's NIHII is not an organisation");
        CertificateIdentity hospital = CertificateIdentity.organisation(Nihii.of("71099812"), "HOSPITAL", "AZ");
        assertTrue(BoxOwner.parse("NIHII:71099812:HOSPITAL").isNamedBy(hospital));
    }
}
