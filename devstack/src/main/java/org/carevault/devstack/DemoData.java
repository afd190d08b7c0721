package org.carevault.devstack;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo's data that only a running hub can take, put in by the operator over the hub's own REST API (as an
 * operator would): the legal representative of the demo's minor ({@link DemoIdentity#CHILD_PARENT} for
 * {@link DemoIdentity#CHILD_NAME}). Asking again changes nothing, so it runs at every start.
 * Usage: {@code DemoData --run-dir DIR --keycloak-url URL --hub-url URL}.
 */
public final class DemoData {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String hubUrl;
    private final String token;

    private DemoData(String keycloakUrl, String hubUrl, String adminPassword) throws IOException, InterruptedException {
        this.hubUrl = hubUrl;
        String form = Map.of("grant_type", "password", "client_id", "carevault-cli", "username", "admin",
                "password", adminPassword).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonObject answer = send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/carevault/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        this.token = answer.getString("access_token");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = DemoSetup.parse(args);
        Secrets secrets = new Secrets(Path.of(DemoSetup.require(options, "run-dir")).resolve("secrets.properties"));
        DemoData data = new DemoData(DemoSetup.require(options, "keycloak-url"), DemoSetup.require(options, "hub-url"),
                secrets.get("keycloak.admin-password"));
        data.legalRepresentative();
    }

    private void legalRepresentative() throws IOException, InterruptedException {
        String child = api("/patients/resolve", Json.createObjectBuilder().add("ssin", DemoIdentity.CHILD_SSIN).build(), 200)
                .getString("patientRef");
        DemoIdentity parent = DemoIdentity.named(DemoIdentity.CHILD_PARENT);
        api("/patients/" + child + "/proxies", Json.createObjectBuilder().add("ssin", parent.ssin())
                .add("name", parent.displayName()).add("patientName", DemoIdentity.CHILD_NAME).build(), 200, 201);
        System.err.printf("[carevault] demo data: %s is the legal representative of %s%n", parent.displayName(),
                DemoIdentity.CHILD_NAME);
    }

    private JsonObject api(String path, JsonObject body, int... expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(hubUrl + "/api/v1" + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())), expected);
    }

    private JsonObject send(HttpRequest.Builder request, int... expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return Json.createReader(new StringReader(response.body())).readObject();
            }
        }
        throw new IOException("the hub answered " + response.statusCode() + " to " + request.build().uri().getPath());
    }
}
