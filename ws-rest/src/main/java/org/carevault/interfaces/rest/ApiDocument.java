package org.carevault.interfaces.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the served OpenAPI document with what every operation shares and the annotations do not say: an
 * operationId and a tag, the RFC 9457 problem document of every error ({@code Problem}), the error statuses any
 * operation may answer (400, 401, 403, 404, 406, 415, 500; 413 where it takes a body, with the body limits), and
 * the success status of operations whose resource method states it with {@code @APIResponse}. Registered with
 * {@code mp.openapi.filter} (META-INF/microprofile-config.properties).
 */
public class ApiDocument implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    /** Leading segments that are not the resource: the context root and the API version, as the filter sees them. */
    private static final Set<String> PREFIXES = Set.of("api", "v1");

    /** The errors every operation may answer, and why. */
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Malformed or invalid input (CV-REQ-001, CV-REQ-002, …), or a malformed break-the-glass reason (CV-CONSENT-004)",
            "401", "No valid bearer token (CV-AUTH-001)",
            "403", "Refused by the access decision: role, consent, relationship, exclusion (CV-AUTH-004, CV-CONSENT-*)",
            "404", "Not found, or not the caller's to see (CV-REQ-005)",
            "406", "None of the media types in Accept is produced (CV-REQ-007)",
            "415", "The Content-Type (its media type or charset) is not accepted (CV-REQ-004)",
            "500", "An incident: logged with the id in 'instance', never with details (CV-SYS-001)");

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        document.getComponents().addSchema("Problem", problemSchema());
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getOperationId() == null) {
            operation.setOperationId(operationId(method, path));
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTag(tag(path));
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> error : ERRORS.entrySet()) {
            addProblem(responses, error.getKey(), error.getValue());
        }
        if (operation.getRequestBody() != null) {
            boolean kmehr = operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().hasMediaType("application/xml");
            String limit = kmehr ? "4 MiB of KMEHR (carevault.rest.max-kmehr-bytes)"
                    : "64 KiB and 32 levels of nesting for JSON (carevault.rest.max-body-bytes)";
            addProblem(responses, "413", "The body is larger than the limit: " + limit + " (CV-REQ-003)");
            if (operation.getRequestBody().getDescription() == null) {
                operation.getRequestBody().setDescription("At most " + limit + ".");
            }
        }
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with the hub's stable code")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .example("urn:carevault:error:CV-CONSENT-002"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^CV-[A-Z]+-[0-9]{3}$"))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addRequired("type").addRequired("title").addRequired("status").addRequired("code");
    }

    /** {@code GET /api/v1/patients/{patientRef}/medication-scheme/versions/{version}} → getPatientsMedicationSchemeVersionsByVersion. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : resourceSegments(path)) {
            if (segment.equals("{patientRef}")) {
                continue;
            }
            boolean parameter = segment.startsWith("{");
            String words = parameter ? segment.substring(1, segment.length() - 1) : segment;
            if (parameter) {
                id.append("By");
            }
            for (String word : words.split("-")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    /** The resource an operation belongs to: the segment after {@code /patients/{patientRef}}, else the first one. */
    static String tag(String path) {
        List<String> segments = resourceSegments(path);
        if (segments.size() > 2 && "patients".equals(segments.get(0)) && "{patientRef}".equals(segments.get(1))) {
            return segments.get(2);
        }
        return segments.isEmpty() ? "api" : segments.get(0);
    }

    /** The path's segments after the context root and version ({@code /api/v1} served, {@code /v1} while filtering). */
    private static List<String> resourceSegments(String path) {
        List<String> segments = new ArrayList<>(Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty()).toList());
        while (!segments.isEmpty() && PREFIXES.contains(segments.get(0))) {
            segments.remove(0);
        }
        return segments;
    }
}
