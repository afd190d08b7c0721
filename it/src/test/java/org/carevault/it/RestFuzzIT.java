package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document, driven with malformed headers, parameters and bodies, as a client
 * with bugs (or an attacker) would send them: no answer is a 5xx, every refusal is a coded problem, and the server
 * logs no incident (CV-SYS-001) for any of them — a client's mistake is a refusal, not a defect of the hub.
 */
class RestFuzzIT {

    private static final String DEEP_JSON = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

    /** What is sent to each operation: a name, the headers and a body (null for none). */
    private record Probe(String name, Map<String, String> headers, String body) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("Accept with a malformed q-value", Map.of("Accept", "application/json;q=abc"), null),
            new Probe("Accept that is not a media range", Map.of("Accept", "json;;"), null),
            new Probe("JSON nested 1,000 deep", Map.of("Content-Type", "application/json"), DEEP_JSON),
            new Probe("truncated JSON", Map.of("Content-Type", "application/json"), "{\"consent\":"),
            new Probe("a JSON array", Map.of("Content-Type", "application/json"), "[1,2,3]"),
            new Probe("JSON null", Map.of("Content-Type", "application/json"), "null"),
            new Probe("JSON with wrong types", Map.of("Content-Type", "application/json"),
                    "{\"start\":1,\"end\":[],\"role\":{},\"proof\":true,\"reason\":null,\"party\":\"x\"}"),
            new Probe("an unknown charset", Map.of("Content-Type", "application/json; charset=x-unknown-42"), "{}"),
            new Probe("malformed XML", Map.of("Content-Type", "application/xml"), "<kmehrmessage><header>"),
            new Probe("an unknown media type", Map.of("Content-Type", "application/x-nonsense"), "\u0000\u0001"),
            new Probe("a malformed If-Match", Map.of("If-Match", "\"\"\"", "Content-Type", "application/json"), "{}"),
            new Probe("a malformed break-the-glass header", Map.of("X-Break-The-Glass", "short"), null));

    private static final String BAD_QUERY = "?offset=-1&limit=abc&from=yesterday&to=%00&before=-5&partyType=X&partyId=%27"
            + "&folder=%3Cscript%3E&box=%FF&breakTheGlass=maybe&version=1e309";

    @Test
    void noMalformedRequestIsAServerError() throws IOException {
        JsonNode document = Http.json(Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/openapi?format=JSON")).GET()));
        // A patient of its own, in the GP's care: whatever a probe might change stays with this patient.
        String patient = ConsentApi.resolve(ConsentApi.newSsin());
        ConsentApi.putConsentAsProfessional(patient, "physician");
        ConsentApi.linkId(patient, "physician");
        String gp = ConsentApi.token("physician");
        long incidentsBefore = incidents();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        var paths = document.get("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            var methods = path.getValue().fieldNames();
            while (methods.hasNext()) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                for (String concrete : List.of(path.getKey().replace("{patientRef}", patient).replaceAll("\\{[^}]+}", "1"),
                        path.getKey().replaceAll("\\{[^}]+}", "%27%22%3Cx%3E%00"))) {
                    for (Probe probe : PROBES) {
                        for (String query : List.of("", BAD_QUERY)) {
                            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.HUB + concrete + query))
                                    .header("Authorization", "Bearer " + gp)
                                    .method(method, probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(probe.body(), StandardCharsets.UTF_8));
                            probe.headers().forEach(request::header);
                            HttpResponse<String> response = Http.send(request);
                            sent++;
                            String where = method + " " + concrete + query + " with " + probe.name();
                            if (response.statusCode() >= 500) {
                                failures.add(response.statusCode() + " for " + where + ": " + response.body());
                            } else if (response.statusCode() >= 400 && !response.body().contains("\"code\":\"CV-")) {
                                failures.add(response.statusCode() + " without a coded problem for " + where);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("fuzz: " + sent + " malformed requests over every documented operation, " + failures.size() + " failures");
        assertTrue(sent > 500, "every operation was driven: " + sent);
        assertEquals(List.of(), failures);
        assertEquals(incidentsBefore, incidents(), "no incident logged for a client's mistake");
    }

    /** The incidents the hub has logged so far (its log, as the test stack writes it). */
    private static long incidents() throws IOException {
        Path log = Stack.RUN_DIR.resolve("logs/wildfly.log");
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream().filter(line -> line.contains("CV-SYS-001")).count();
    }
}
