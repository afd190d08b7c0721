package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * WildFly serves the REST API's OpenAPI document: it documents every endpoint the adapter has, it is a valid OpenAPI
 * 3 document for a maintained parser and validator (swagger-parser), and it tells an integrator what each operation
 * answers — an operationId, a summary and a description, a tag declared with its description, a description of every
 * parameter, the problem document of every error, the body limits, created and no-content answers where an operation
 * gives them — and what the API is (info with a description and a contact, a server), as Spectral's {@code oas} rules
 * ask of a document.
 */
class OpenApiIT {

    static OpenAPI served() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/openapi?format=JSON")).GET());
        assertEquals(200, response.statusCode(), response::body);
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
        // WildFly's merge of the deployments' documents adds empty info.license and externalDocs objects after the
        // application's filter has run (the specification requires their name and url); nothing else may be reported.
        List<String> messages = parsed.getMessages().stream()
                .filter(m -> !m.equals("attribute info.license.name is missing") && !m.equals("attribute externalDocs.url is missing"))
                .toList();
        assertEquals(List.of(), messages, "the validator's messages");
        assertNotNull(parsed.getOpenAPI());
        return parsed.getOpenAPI();
    }

    @Test
    void everyEndpointIsInTheServedDocument() throws Exception {
        OpenAPI document = served();
        assertEquals("CareVault REST API", document.getInfo().getTitle());
        assertTrue(document.getComponents().getSecuritySchemes().containsKey("bearer"));
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method ->
                documented.add(method.name().toUpperCase(Locale.ROOT) + " " + path.substring("/api/v1".length()))));
        assertEquals(DecisionPointCoverageIT.restEndpoints(), documented);
    }

    @Test
    void everyOperationSaysWhatItAnswers() {
        OpenAPI document = served();
        assertTrue(document.getComponents().getSchemas().get("Problem").getRequired().contains("code"));
        Set<String> ids = new HashSet<>();
        List<String> missing = new ArrayList<>();
        assertTrue(!blank(document.getInfo().getDescription()) && document.getInfo().getContact() != null, "info says what this is");
        assertTrue(document.getServers() != null && !document.getServers().isEmpty(), "servers");
        Set<String> declaredTags = new HashSet<>();
        document.getTags().stream().filter(t -> !blank(t.getDescription())).forEach(t -> declaredTags.add(t.getName()));
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getOperationId() == null || !ids.add(operation.getOperationId())) {
                missing.add(where + ": a unique operationId");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()) {
                missing.add(where + ": a tag");
            } else if (!declaredTags.containsAll(operation.getTags())) {
                missing.add(where + ": its tag declared with a description");
            }
            if (blank(operation.getSummary()) || blank(operation.getDescription())) {
                missing.add(where + ": a summary and a description");
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> blank(p.getDescription()))
                        .forEach(p -> missing.add(where + ": a description of " + p.getName()));
            }
            List<String> errors = new ArrayList<>(List.of("400", "401", "403", "404", "406", "415", "500"));
            if (operation.getRequestBody() != null) {
                errors.add("413");
            }
            var json = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null ? null
                    : operation.getRequestBody().getContent().get("application/json");
            if (json != null) {
                String ref = json.getSchema() == null ? null : json.getSchema().get$ref();
                var shape = ref == null ? null : document.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
                if (shape == null || shape.getProperties() == null || shape.getProperties().isEmpty()) {
                    missing.add(where + ": the JSON body's fields");
                }
            }
            for (String status : errors) {
                var answer = operation.getResponses().get(status);
                if (answer == null || answer.getContent() == null || !answer.getContent().containsKey("application/problem+json")) {
                    missing.add(where + ": " + status + " as a problem");
                }
            }
        }));
        assertEquals(List.of(), missing);

        assertTrue(operation(document, "/api/v1/etks", PathItem.HttpMethod.GET).getParameters().stream()
                .anyMatch(p -> "box".equals(p.getName()) && Boolean.TRUE.equals(p.getRequired())), "box is required");
        Map<String, PathItem.HttpMethod> created = Map.of("/api/v1/patients/{patientRef}/therapeutic-links", PathItem.HttpMethod.POST,
                "/api/v1/patients/{patientRef}/sumehrs", PathItem.HttpMethod.POST, "/api/v1/etks", PathItem.HttpMethod.POST);
        created.forEach((path, method) -> assertTrue(operation(document, path, method).getResponses().containsKey("201"), path));
        Operation scheme = operation(document, "/api/v1/patients/{patientRef}/medication-scheme", PathItem.HttpMethod.PUT);
        assertTrue(scheme.getResponses().keySet().containsAll(List.of("200", "201", "412", "428")), scheme.getResponses()::toString);
        assertTrue(scheme.getRequestBody().getDescription().contains("4 MiB"), "the body limit is stated");
        assertTrue(document.getComponents().getSchemas().get("Link").getRequired().containsAll(List.of("kind", "proof")),
                "a relationship's required fields");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Operation operation(OpenAPI document, String path, PathItem.HttpMethod method) {
        return document.getPaths().get(path).readOperationsMap().get(method);
    }
}
