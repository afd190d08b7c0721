package org.carevault.interfaces.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the served OpenAPI document with what every operation shares and the annotations do not say (each
 * operation's summary and description are with its resource method, in {@code @Operation}): what the API is (info,
 * contact, server), an operationId and a tag, the tags declared with their descriptions, a description of every
 * parameter by its name, the RFC 9457 problem document of every error ({@code Problem}), the error statuses any
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

    /** The resources (tags), in the order an integrator meets them. */
    private static final Map<String, String> TAGS = orderedMap(
            "patients", "Resolving a patient's SSIN into the reference (patientRef) every other path uses",
            "consent", "The patient's informed consent to the exchange of their data",
            "therapeutic-links", "Therapeutic relationships between a patient and care providers",
            "exclusions", "Care providers and organisations the patient has excluded",
            "proxies", "People who act for the patient: appointed proxies and legal representatives",
            "access-decisions", "Asking the decision point in advance, without touching data",
            "medication-scheme", "The patient's medication scheme: KMEHR, versioned, written with If-Match so no update is lost",
            "sumehrs", "Summarised electronic health records (Sumehr) pushed by care providers and hospitals",
            "vaccinations", "Vaccinations, pushed one at a time by the physicians, nurses and pharmacists who give them",
            "audit-trail", "Who accessed or tried to access the patient's data: every decision, refusals too",
            "mailbox", "The secure mailbox (eHealthBox v3 operations): end-to-end sealed messages, folders, receipts, "
                    + "out-of-office, mandates",
            "etks", "The key directory: encryption tokens (ETK) that senders seal messages to",
            "me", "The caller as the hub takes them, and their own preferences",
            "probe", "Checks for integrators: may this token act in a role?",
            "admin", "Operators: the audit trail's verification and the decision point's counters");

    /** What a parameter means, by name; {@code tag:name} where the same name means something else in one resource. */
    private static final Map<String, String> PARAMETERS = orderedMap(
            "patientRef", "The patient's reference, from POST /patients/resolve (never an SSIN)",
            "X-Break-The-Glass", "Emergency access: the reason, 10 to 200 characters, recorded and shown to the patient; "
                    + "a malformed reason is 400 CV-CONSENT-004",
            "If-Match", "The version this one is based on: \"0\" for a first scheme, \"n\" or the ETag read",
            "box", "TYPE:ID:QUALITY of a box whose owner gave the caller a mandate; the caller's own box without it",
            "id", "The id (a UUID) the hub gave the resource",
            "exclusionId", "The exclusion's id",
            "linkId", "The relationship's id",
            "proxyId", "The proxy's id",
            "version", "The version number (1, 2, …)",
            "proof", "How the patient confirmed it (EID_READING, …), stated by a professional",
            "offset", "Entries to skip (first page only where a cursor is offered)",
            "limit", "Entries in a page at most",
            "folder", "INBOX, SENTBOX, BININBOX or BINSENTBOX",
            "publicationId", "The sender's id of this message: sending again with it does not send twice",
            "to", "A recipient, TYPE:ID:QUALITY (repeated for several)",
            "important", "true to flag the message as important",
            "receipt", "received and/or read: the receipts the sender wants (repeated)",
            "patient", "The patientRef the message is about, if any",
            "inReplyTo", "The id of the message this one answers",
            "audit-trail:from", "Entries at or after this time (RFC 3339, UTC)",
            "audit-trail:to", "Entries before this time (RFC 3339, UTC)",
            "audit-trail:limit", "Entries in a page at most (at most 500)",
            "audit-trail:before", "The cursor: entries before this sequence number (nextBefore of the previous page)",
            "audit-trail:partyType", "SSIN or NIHII, with partyId: only this party's accesses",
            "audit-trail:partyId", "The party's SSIN or NIHII number, with partyType",
            "audit-trail:breakTheGlass", "true: only the emergency (break-the-glass) accesses",
            "mailbox:before", "The cursor of the box's audit trail: entries before this sequence number (nextBefore of the "
                    + "previous page)",
            "medication-scheme:from", "The older version compared",
            "medication-scheme:to", "The newer version compared");

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        document.getComponents().addSchema("Problem", problemSchema());
        if (document.getInfo() != null && document.getInfo().getDescription() == null) {
            document.getInfo().description("The REST interface of a CareVault hub: the patient vault (medication scheme, "
                    + "Sumehr), consent, therapeutic relationships, exclusions, proxies, the audit trail and the secure "
                    + "mailbox. Every request carries a bearer token from the hub's Keycloak realm and passes the one access "
                    + "decision, which is audited. Errors are RFC 9457 problem documents with a stable code (CV-*). "
                    + "Patients are named by a reference (POST /patients/resolve), never by their SSIN in a URL.")
                    .contact(OASFactory.createContact().name("The operators of this hub"));
        }
        if (document.getServers() == null || document.getServers().isEmpty()) {
            document.addServer(OASFactory.createServer().url("/").description("This hub (the paths include /api/v1)"));
        }
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> used = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), operation.getKey(), operation.getValue());
                used.addAll(operation.getValue().getTags());
            }
        }
        TAGS.forEach((name, description) -> {
            if (used.contains(name)) {
                document.addTag(OASFactory.createTag().name(name).description(description));
            }
        });
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getOperationId() == null) {
            operation.setOperationId(operationId(method, path));
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTag(tag(path));
        }
        if (operation.getParameters() != null) {
            String tag = operation.getTags().get(0);
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getDescription() == null) {
                    parameter.setDescription(PARAMETERS.getOrDefault(tag + ":" + parameter.getName(),
                            PARAMETERS.get(parameter.getName())));
                }
            }
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

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
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
