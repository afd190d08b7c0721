package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * What an operator does in Keycloak's admin REST API (as the bootstrap administrator of the test Keycloak): register a
 * patient's account, and set the login level the portal's client asks for by default.
 */
final class KeycloakAdmin {

    private static final String REALM = Stack.KEYCLOAK + "/admin/realms/carevault";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private KeycloakAdmin() {
    }

    /** A patient account as an operator registers one: password {@code demo}, the SSIN, no second factor yet. */
    static void createPatient(String username, String firstName, String lastName, String ssin) {
        ObjectNode user = Http.JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("firstName", firstName).put("lastName", lastName).put("email", username + "@demo.carevault.invalid")
                .put("emailVerified", true);
        user.putObject("attributes").putArray("ssin").add(ssin);
        user.putArray("credentials").addObject().put("type", "password").put("value", Tokens.DEMO_PASSWORD).put("temporary", false);
        HttpResponse<String> created = send("POST", "/users", user.toString());
        assertEquals(201, created.statusCode(), created::body);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        JsonNode role = json(send("GET", "/roles/patient", null));
        HttpResponse<String> granted = send("POST", "/users/" + id + "/role-mappings/realm", "[" + role + "]");
        assertEquals(204, granted.statusCode(), granted::body);
    }

    /** The level (acr) the portal's client asks for when it names none: {@code mfa} as shipped, {@code password} to let patients read with a password alone. */
    static void portalDefaultAcr(String acr) {
        JsonNode found = json(send("GET", "/clients?clientId=carevault-portal", null)).get(0);
        ObjectNode client = (ObjectNode) found;
        ((ObjectNode) client.get("attributes")).put("default.acr.values", acr);
        HttpResponse<String> updated = send("PUT", "/clients/" + client.get("id").asText(), client.toString());
        assertEquals(204, updated.statusCode(), updated::body);
    }

    /** The types of the credentials a user has (password, otp, webauthn, …). */
    static java.util.Set<String> credentialTypes(String username) {
        JsonNode user = json(send("GET", "/users?exact=true&username=" + username, null)).get(0);
        java.util.Set<String> types = new java.util.TreeSet<>();
        json(send("GET", "/users/" + user.get("id").asText() + "/credentials", null)).forEach(c -> types.add(c.get("type").asText()));
        return types;
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(REALM + path)).header("Authorization", "Bearer " + token())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        HttpResponse<String> response = Http.postForm(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", Stack.secret("keycloak.bootstrap-admin-password")));
        assertEquals(200, response.statusCode(), response::body);
        return Http.json(response).get("access_token").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        return Http.json(response);
    }
}
