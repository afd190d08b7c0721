package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** Real tokens from the test Keycloak, and forged ones made from them. */
final class Tokens {

    static final String DEMO_PASSWORD = "demo";

    private Tokens() {
    }

    static String password(String username) {
        return password("carevault", "carevault-cli", username, DEMO_PASSWORD);
    }

    static String password(String realm, String clientId, String username, String password) {
        return accessToken(Http.postForm(Stack.tokenEndpoint(realm), Map.of("grant_type", "password",
                "client_id", clientId, "username", username, "password", password, "scope", "openid")));
    }

    static String hospital() {
        return accessToken(Http.postForm(Stack.tokenEndpoint("carevault"), Map.of("grant_type", "client_credentials",
                "client_id", "hospital-az", "client_secret", Stack.secret("keycloak.hospital-az-secret"))));
    }

    static String admin() {
        return password("carevault", "carevault-cli", "admin", Stack.secret("keycloak.admin-password"));
    }

    private static String accessToken(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), () -> "token request failed: " + response.body());
        return Http.json(response).get("access_token").asText();
    }

    static ObjectNode header(String token) {
        return (ObjectNode) decode(token.split("\\.")[0]);
    }

    static ObjectNode payload(String token) {
        return (ObjectNode) decode(token.split("\\.")[1]);
    }

    /** The same header and claims, signed by a key the realm never had. */
    static String resignedWithForeignKey(String token) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        String signingInput = encode(header(token)) + "." + encode(payload(token));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(foreign);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    /** The claims with {@code alg: none} and no signature. */
    static String unsigned(String token) {
        ObjectNode header = header(token);
        header.put("alg", "none");
        return encode(header) + "." + encode(payload(token)) + ".";
    }

    /** The original signature over changed claims (here: another person's SSIN). */
    static String withChangedClaim(String token, String claim, String value) {
        String[] parts = token.split("\\.");
        ObjectNode payload = payload(token);
        payload.put(claim, value);
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    private static JsonNode decode(String part) {
        try {
            return Http.JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String encode(JsonNode node) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }
}
