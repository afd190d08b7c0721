package org.carevault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void aPhysicianIsAPerson() {
        Caller gp = new Caller(PartyId.person("72081012378"), Role.PHYSICIAN, Optional.empty(), "Jan Peeters", Channel.REST);
        assertEquals("SSIN", gp.id().type());
        assertFalse(gp.toString().contains("720810123"), "a caller printed in a log must not show the SSIN");
    }

    @Test
    void aHospitalMustBeAnOrganisationAndAPersonCannotActAsHospital() {
        assertThrows(CareVaultException.class,
                () -> new Caller(PartyId.person("72081012378"), Role.HOSPITAL, Optional.empty(), "x", Channel.SOAP));
        assertThrows(CareVaultException.class,
                () -> new Caller(PartyId.organisation("71099812"), Role.PHYSICIAN, Optional.empty(), "x", Channel.SOAP));
    }

    @Test
    void exactlyOneRoleIsRequired() {
        assertEquals(Role.NURSE, Caller.singleRole(EnumSet.of(Role.NURSE)));
        assertEquals(Role.NURSE, Caller.singleRole(EnumSet.of(Role.NURSE, Role.ADMIN)));
        assertEquals(Role.ADMIN, Caller.singleRole(EnumSet.of(Role.ADMIN)));
        CareVaultException none = assertThrows(CareVaultException.class, () -> Caller.singleRole(Set.of()));
        assertEquals(ErrorCode.CALLER_ROLE_MISSING, none.errorCode());
        assertThrows(CareVaultException.class, () -> Caller.singleRole(EnumSet.of(Role.PHYSICIAN, Role.NURSE)));
    }

    @Test
    void rolesMapFromRealmRoleNamesAndQualities() {
        assertEquals(Optional.of(Role.PHARMACIST), Role.fromName("pharmacist"));
        assertEquals(Optional.of(Role.HOSPITAL), Role.fromName("HOSPITAL"));
        assertEquals(Optional.empty(), Role.fromName("offline_access"));
    }
}
