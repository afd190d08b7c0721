package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** WildFly serves the REST API's OpenAPI document, and it documents every endpoint the adapter has. */
class OpenApiIT {

    @Test
    void everyEndpointIsInTheServedDocument() throws Exception {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/openapi?format=JSON")).GET());
        assertEquals(200, response.statusCode(), response::body);
        JsonNode document = Http.json(response);
        assertEquals("CareVault REST API", document.get("info").get("title").asText());
        assertTrue(document.get("components").get("securitySchemes").has("bearer"));

        Set<String> documented = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey().substring("/api/v1".length()))));
        assertEquals(DecisionPointCoverageIT.restEndpoints(), documented);
    }
}
