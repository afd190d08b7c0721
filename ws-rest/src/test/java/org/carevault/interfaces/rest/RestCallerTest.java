package org.carevault.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.Role;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;
import org.wildfly.security.http.oidc.AccessToken;

/** Claims → Caller, for tokens already verified by the server (the wire tests cover verification). */
class RestCallerTest {

    @Test
    void aPhysicianTokenBecomesAPersonWithNihii() {
        Caller caller = RestCaller.fromToken(token(List.of("physician", "offline_access"), "72081012378", "12345625004"));
        assertEquals(Role.PHYSICIAN, caller.role());
        assertEquals("72081012378", caller.id().value());
        assertEquals("12345625004", caller.nihii().orElseThrow().value());
    }

    @Test
    void aHospitalTokenBecomesAnOrganisation() {
        Caller caller = RestCaller.fromToken(token(List.of("hospital"), null, "71099812"));
        assertEquals("NIHII", caller.id().type());
        assertEquals("71099812", caller.id().value());
    }

    @Test
    void aPatientNeedsNoNihii() {
        assertEquals(Role.PATIENT, RestCaller.fromToken(token(List.of("patient"), "55032001180", null)).role());
    }

    @Test
    void missingOrInvalidIdentityClaimsAreRefused() {
        assertCode(ErrorCode.CALLER_IDENTITY_INVALID, token(List.of("physician"), "72081012378", null));
        assertCode(ErrorCode.CALLER_IDENTITY_INVALID, token(List.of("physician"), "72081012379", "12345625004"));
        assertCode(ErrorCode.CALLER_IDENTITY_INVALID, token(List.of("patient"), null, null));
        assertCode(ErrorCode.CALLER_IDENTITY_INVALID, token(List.of("hospital"), null, null));
        assertCode(ErrorCode.CALLER_ROLE_MISSING, token(List.of("offline_access"), "55032001180", null));
        assertCode(ErrorCode.CALLER_ROLE_MISSING, token(List.of("physician", "nurse"), "72081012378", "12345625004"));
    }

    private static void assertCode(ErrorCode expected, AccessToken token) {
        assertEquals(expected, assertThrows(CareVaultException.class, () -> RestCaller.fromToken(token)).errorCode());
    }

    /** Claims parsed from JSON, as the server parses a real token's payload. */
    private static AccessToken token(List<String> roles, String ssin, String nihii) {
        StringBuilder json = new StringBuilder("{\"name\":\"Test Person\",\"realm_access\":{\"roles\":[");
        json.append(String.join(",", roles.stream().map(r -> "\"" + r + "\"").toList())).append("]}");
        if (ssin != null) {
            json.append(",\"ssin\":\"").append(ssin).append('"');
        }
        if (nihii != null) {
            json.append(",\"nihii\":\"").append(nihii).append('"');
        }
        try {
            return new AccessToken(JwtClaims.parse(json.append('}').toString()));
        } catch (InvalidJwtException e) {
            throw new IllegalStateException(e);
        }
    }
}
