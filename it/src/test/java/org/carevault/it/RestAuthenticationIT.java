package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REST authentication over the wire: real Keycloak tokens for every demo identity, and every kind
 * of bad token a hub must refuse (matrix caller × endpoint → status).
 */
class RestAuthenticationIT {

    static Stream<Arguments> demoCallers() {
        return Stream.of(
                Arguments.of("gp.peeters", (Supplier<String>) () -> Tokens.password("gp.peeters"), "SSIN", "72081012378", "physician", "12345625004"),
                Arguments.of("pharm.janssens", (Supplier<String>) () -> Tokens.password("pharm.janssens"), "SSIN", "85021445650", "pharmacist", "41234502000"),
                Arguments.of("nurse.maes", (Supplier<String>) () -> Tokens.password("nurse.maes"), "SSIN", "90050123412", "nurse", "51234509401"),
                Arguments.of("patient.devos", (Supplier<String>) () -> Tokens.password("patient.devos"), "SSIN", "55032001180", "patient", null),
                Arguments.of("patient.claes", (Supplier<String>) () -> Tokens.password("patient.claes"), "SSIN", "62070834587", "patient", null),
                Arguments.of("hospital-az", (Supplier<String>) Tokens::hospital, "NIHII", "71099812", "hospital", "71099812"),
                Arguments.of("admin", (Supplier<String>) Tokens::admin, "SSIN", "80010100107", "admin", null));
    }

    @ParameterizedTest(name = "{0} is known by /me")
    @MethodSource("demoCallers")
    void everyDemoIdentityIsRecognised(String name, Supplier<String> token, String partyType, String partyId, String role,
            String nihii) {
        HttpResponse<String> response = Http.get("/api/v1/me", token.get());

        assertEquals(200, response.statusCode(), response::body);
        JsonNode me = Http.json(response);
        assertEquals(partyType, me.get("partyType").asText());
        assertEquals(partyId, me.get("partyId").asText());
        assertEquals(role, me.get("role").asText());
        assertEquals("REST", me.get("channel").asText());
        if (nihii == null) {
            assertFalse(me.has("nihii"));
        } else {
            assertEquals(nihii, me.get("nihii").asText());
        }
    }

    @Test
    void noTokenIs401WithAProblemDocument() {
        HttpResponse<String> response = Http.get("/api/v1/me", null);
        assertUnauthenticated(response);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        assertUnauthenticated(Http.get("/api/v1/me", Tokens.resignedWithForeignKey(Tokens.password("gp.peeters"))));
    }

    @Test
    void anUnsignedAlgNoneTokenIs401() {
        assertUnauthenticated(Http.get("/api/v1/me", Tokens.unsigned(Tokens.password("gp.peeters"))));
    }

    @Test
    void aTokenWhoseClaimsWereChangedIs401() {
        String token = Tokens.withChangedClaim(Tokens.password("gp.peeters"), "ssin", "55032001180");
        assertUnauthenticated(Http.get("/api/v1/me", token));
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        String token = Tokens.password("carevault", "it-short-lived", "gp.peeters", Tokens.DEMO_PASSWORD);
        long expiresAt = Tokens.payload(token).get("exp").asLong();
        assertEquals(200, Http.get("/api/v1/me", token).statusCode(), "valid just after issue");
        while (System.currentTimeMillis() / 1000 <= expiresAt + 1) {
            Thread.sleep(250);
        }
        assertUnauthenticated(Http.get("/api/v1/me", token));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String token = Tokens.password("carevault", "it-no-audience", "gp.peeters", Tokens.DEMO_PASSWORD);
        assertFalse(Tokens.payload(token).toString().contains("carevault-api"), "the client really lacks the audience");
        assertUnauthenticated(Http.get("/api/v1/me", token));
    }

    @Test
    void aTokenFromAnotherRealmIs401() {
        String token = Tokens.password("other", "carevault-cli", "gp.peeters", Tokens.DEMO_PASSWORD);
        assertTrue(Tokens.payload(token).get("iss").asText().endsWith("/realms/other"));
        assertUnauthenticated(Http.get("/api/v1/me", token));
    }

    @Test
    void garbageInTheAuthorizationHeaderIs401() {
        assertUnauthenticated(Http.get("/api/v1/me", "not-a-jwt"));
    }

    static Stream<Arguments> probeMatrix() {
        return Stream.of(
                Arguments.of("gp.peeters", "/api/v1/probe/care-provider", 200),
                Arguments.of("pharm.janssens", "/api/v1/probe/care-provider", 200),
                Arguments.of("nurse.maes", "/api/v1/probe/care-provider", 200),
                Arguments.of("hospital-az", "/api/v1/probe/care-provider", 200),
                Arguments.of("patient.devos", "/api/v1/probe/care-provider", 403),
                Arguments.of("admin", "/api/v1/probe/care-provider", 403),
                Arguments.of("admin", "/api/v1/probe/admin", 200),
                Arguments.of("gp.peeters", "/api/v1/probe/admin", 403),
                Arguments.of("patient.devos", "/api/v1/probe/admin", 403),
                Arguments.of("hospital-az", "/api/v1/probe/admin", 403));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("probeMatrix")
    void roleRestrictedProbes(String caller, String path, int expected) {
        String token = switch (caller) {
            case "hospital-az" -> Tokens.hospital();
            case "admin" -> Tokens.admin();
            default -> Tokens.password(caller);
        };
        HttpResponse<String> response = Http.get(path, token);
        assertEquals(expected, response.statusCode(), response::body);
        if (expected == 403) {
            assertProblem(response, "CV-AUTH-004");
        }
    }

    static void assertUnauthenticated(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response::body);
        assertProblem(response, "CV-AUTH-001");
    }

    static void assertProblem(HttpResponse<String> response, String code) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> "content type of " + response.body());
        JsonNode problem = Http.json(response);
        assertEquals(code, problem.get("code").asText(), response::body);
        assertEquals(response.statusCode(), problem.get("status").asInt());
        assertFalse(response.body().contains("Exception"), "no internals in " + response.body());
    }
}
