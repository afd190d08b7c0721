package org.carevault.interfaces.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.Role;
import org.junit.jupiter.api.Test;

class SoapCallerTest {

    @Test
    void aPhysicianCertificateIdentityBecomesAPhysicianCaller() {
        Caller caller = SoapCaller.of(CertificateIdentity.person(Ssin.of("72081012378"), Nihii.of("12345625004"),
                "PHYSICIAN", "Jan Peeters"));
        assertEquals(Role.PHYSICIAN, caller.role());
        assertEquals("72081012378", caller.id().value());
    }

    @Test
    void aHospitalCertificateBecomesAnOrganisation() {
        Caller caller = SoapCaller.of(CertificateIdentity.organisation(Nihii.of("71099812"), "HOSPITAL", "AZ Demo"));
        assertEquals("NIHII", caller.id().type());
        assertEquals(Role.HOSPITAL, caller.role());
    }

    @Test
    void aCitizenCertificateOrAnUnknownQualityIsNoCareProvider() {
        CareVaultException citizen = assertThrows(CareVaultException.class,
                () -> SoapCaller.of(CertificateIdentity.person(Ssin.of("55032001180"), null, "CITIZEN", "x")));
        assertEquals(ErrorCode.CALLER_ROLE_MISSING, citizen.errorCode());
        assertThrows(CareVaultException.class,
                () -> SoapCaller.of(CertificateIdentity.person(Ssin.of("55032001180"), Nihii.of("12345625004"), "ADMIN", "x")));
    }

    @Test
    void placeholdersResolveFromSystemPropertiesOrFailLoudly() {
        System.setProperty("carevault.test.dir", "/srv/pki");
        assertEquals("/srv/pki/hub.p12", HubCrypto.substitute("${carevault.test.dir}/hub.p12"));
        assertThrows(IllegalStateException.class, () -> HubCrypto.substitute("${carevault.test.unset}/x"));
    }
}
