package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.servlet.annotation.WebServlet;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.carevault.interfaces.soap.ehbox.EhBoxConsultationEndpoint;
import org.carevault.interfaces.soap.intrahub.IntraHubEndpoint;
import org.carevault.ws.consent.v1.ConsentPortType;
import org.carevault.ws.identity.v1.IdentityPortType;
import org.carevault.ws.mailbox.v1.EtkDepotPortType;
import org.carevault.ws.mailbox.v1.MailboxConsultationPortType;
import org.carevault.ws.mailbox.v1.MailboxPublicationPortType;
import org.carevault.ws.vault.v1.VaultPortType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * No entry path skips the access decision. Every REST endpoint is found by reflection over the deployed resource
 * classes; each one that touches a patient is called by another patient on patient Devos and must be refused with
 * CV-AUTH-004 and leave a refusal in Devos's audit trail (only the decision point writes there). Every operation of
 * every SOAP port is found on the generated port types: each consent operation leaves its entry in the patient's
 * trail, each vault operation is refused without a relationship and audited, the rest (identity, key directory,
 * mailbox) are classified with the reason they name no patient. Every portal page is found on the servlet classes and
 * classified, and none answers without a login. An entry path missing from the tables below fails the test: a new one
 * cannot be added without being classified here. (Service methods themselves cannot skip the decision: an undeclared
 * one stops the deployment, UndeclaredServiceIT.)
 */
class DecisionPointCoverageIT {

    /** Patient endpoints: "METHOD path" → the body to send and the action the trail must record. */
    private static final Map<String, String[]> PATIENT_ENDPOINTS = Map.ofEntries(
            Map.entry("GET /patients/{patientRef}/consent", new String[] {null, "GetPatientConsent"}),
            Map.entry("PUT /patients/{patientRef}/consent", new String[] {"{}", "PutPatientConsent"}),
            Map.entry("DELETE /patients/{patientRef}/consent", new String[] {null, "RevokePatientConsent"}),
            Map.entry("GET /patients/{patientRef}/therapeutic-links", new String[] {null, "GetTherapeuticLink"}),
            Map.entry("POST /patients/{patientRef}/therapeutic-links", new String[] {
                "{\"kind\":\"REGULAR\",\"proof\":\"DECLARED_BY_PATIENT\",\"party\":{\"type\":\"SSIN\",\"id\":\"72081012378\"},"
                    + "\"role\":\"PHYSICIAN\"}", "PutTherapeuticLink"}),
            Map.entry("DELETE /patients/{patientRef}/therapeutic-links/{linkId}", new String[] {null, "RevokeTherapeuticLink"}),
            Map.entry("GET /patients/{patientRef}/exclusions", new String[] {null, "GetTherapeuticExclusion"}),
            Map.entry("POST /patients/{patientRef}/exclusions", new String[] {
                "{\"party\":{\"type\":\"SSIN\",\"id\":\"72081012378\"}}", "PutTherapeuticExclusion"}),
            Map.entry("DELETE /patients/{patientRef}/exclusions/{exclusionId}", new String[] {null, "RevokeTherapeuticExclusion"}),
            Map.entry("GET /patients/{patientRef}/proxies", new String[] {null, "GetProxy"}),
            Map.entry("POST /patients/{patientRef}/proxies", new String[] {
                "{\"ssin\":\"72081012378\",\"name\":\"Intruder\"}", "PutProxy"}),
            Map.entry("DELETE /patients/{patientRef}/proxies/{proxyId}", new String[] {null, "RevokeProxy"}),
            Map.entry("GET /patients/{patientRef}/audit-trail", new String[] {null, "GetPatientAuditTrail"}),
            Map.entry("POST /patients/{patientRef}/access-decisions", new String[] {
                "{\"dataType\":\"MEDICATION_SCHEME\",\"operation\":\"READ\"}", "CheckAccess"}),
            Map.entry("GET /patients/{patientRef}/medication-scheme", new String[] {null, "GetTransactionSet"}),
            Map.entry("PUT /patients/{patientRef}/medication-scheme", new String[] {
                SchemeMessages.scheme(ConsentApi.DEVOS_SSIN, "1", List.of()), "PutTransactionSet"}),
            Map.entry("GET /patients/{patientRef}/medication-scheme/latest-update", new String[] {null, "GetLatestUpdate"}),
            Map.entry("GET /patients/{patientRef}/medication-scheme/versions", new String[] {null, "GetTransactionSetHistory"}),
            Map.entry("GET /patients/{patientRef}/medication-scheme/versions/{version}", new String[] {
                null, "GetTransactionSetVersion"}),
            Map.entry("GET /patients/{patientRef}/medication-scheme/diff", new String[] {null, "DiffTransactionSet"}),
            Map.entry("POST /patients/{patientRef}/sumehrs", new String[] {SumehrIT.sumehr(ConsentApi.DEVOS_SSIN, "x"),
                "PutTransaction"}),
            Map.entry("GET /patients/{patientRef}/sumehrs", new String[] {null, "GetTransactionList"}),
            Map.entry("GET /patients/{patientRef}/sumehrs/{id}", new String[] {null, "GetTransaction"}),
            Map.entry("DELETE /patients/{patientRef}/sumehrs/{id}", new String[] {null, "RevokeTransaction"}),
            Map.entry("POST /patients/{patientRef}/vaccinations", new String[] {VaccinationIT.vaccination(ConsentApi.DEVOS_SSIN,
                "tetanus", "x", "2026-12-01", "L1"), "PutTransaction"}),
            Map.entry("GET /patients/{patientRef}/vaccinations", new String[] {null, "GetTransactionList"}),
            Map.entry("GET /patients/{patientRef}/vaccinations/{id}", new String[] {null, "GetTransaction"}),
            Map.entry("DELETE /patients/{patientRef}/vaccinations/{id}", new String[] {null, "RevokeTransaction"}));

    /** Endpoints that touch no patient's data, each with the reason. */
    private static final Map<String, String> OTHER_ENDPOINTS = Map.ofEntries(
            Map.entry("GET /me", "the caller's own identity"),
            Map.entry("PUT /me/preferences", "the caller's own preferences"),
            Map.entry("GET /probe/care-provider", "a role probe, no data"),
            Map.entry("GET /probe/admin", "a role probe, no data"),
            Map.entry("POST /patients/resolve", "a keyed pseudonym of the given SSIN; the same answer for known and unknown patients"),
            Map.entry("GET /admin/audit-chain", "the operator's chain check: decided (operators only) and recorded, no patient"),
            Map.entry("GET /admin/access-metrics", "the decision point's counters: decided (operators only) and recorded, no patient"),
            Map.entry("POST /etks", "the caller publishes their own encryption token (certificates, no patient)"),
            Map.entry("GET /etks", "public encryption certificates of care providers, no patient"),
            Map.entry("GET /etks/hub", "the hub's own public encryption token, no patient"),
            Map.entry("DELETE /etks/{id}", "the caller withdraws their own token"));


    private static final String SOME_ID = "00000000-0000-4000-8000-000000000000";

    /**
     * The mailbox's endpoints, each with a valid body, its decided operation, and whether it takes {@code ?box=} (another's
     * box, under a mandate) or is the owner's alone.
     */
    private static final Map<String, String[]> MAILBOX_ENDPOINTS = Map.ofEntries(
            Map.entry("GET /mailbox", new String[] {null, "getBoxInfo", "box"}),
            Map.entry("GET /mailbox/messages", new String[] {null, "getMessagesList", "box"}),
            Map.entry("GET /mailbox/messages/{id}", new String[] {null, "getMessage", "box"}),
            Map.entry("GET /mailbox/messages/{id}/content", new String[] {null, "getFullMessage", "box"}),
            Map.entry("POST /mailbox/messages/{id}/read", new String[] {null, "markAsRead", "box"}),
            Map.entry("GET /mailbox/messages/{id}/acknowledgements", new String[] {null, "getMessageAcknowledgmentsStatus", "box"}),
            Map.entry("GET /mailbox/messages/{id}/history", new String[] {null, "getMessageHistory", "box"}),
            Map.entry("POST /mailbox/moves", new String[] {"{\"ids\":[\"" + SOME_ID + "\"],\"folder\":\"BININBOX\"}",
                "moveMessage", "box"}),
            Map.entry("POST /mailbox/deletions", new String[] {"{\"ids\":[\"" + SOME_ID + "\"]}", "deleteMessage", "box"}),
            Map.entry("POST /mailbox/messages", new String[] {"octets", "sendMessage", "owner"}),
            Map.entry("GET /mailbox/out-of-office", new String[] {null, "getOoOList", "owner"}),
            Map.entry("POST /mailbox/out-of-office", new String[] {"{\"from\":\"" + Instant.now().plusSeconds(3600)
                + "\",\"until\":\"" + Instant.now().plusSeconds(7200) + "\",\"substitutes\":[]}", "insertOoO", "owner"}),
            Map.entry("DELETE /mailbox/out-of-office/{id}", new String[] {null, "deleteOoO", "owner"}),
            Map.entry("GET /mailbox/mandates", new String[] {null, "getMandates", "owner"}),
            Map.entry("POST /mailbox/mandates", new String[] {"{\"mandatee\":{\"type\":\"SSIN\",\"id\":\"90050123412\"}}",
                "grantMandate", "owner"}),
            Map.entry("DELETE /mailbox/mandates/{id}", new String[] {null, "revokeMandate", "owner"}),
            Map.entry("GET /mailbox/audit-trail", new String[] {null, "getBoxAuditTrail", "owner"}));

    @Test
    void everyRestEndpointIsClassifiedAndEveryPatientEndpointGoesThroughTheDecision() throws Exception {
        Set<String> found = restEndpoints();
        Set<String> classified = new TreeSet<>(PATIENT_ENDPOINTS.keySet());
        classified.addAll(OTHER_ENDPOINTS.keySet());
        classified.addAll(MAILBOX_ENDPOINTS.keySet());
        assertEquals(classified, found, "every endpoint, and only those that exist, is classified here");

        String devos = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        String intruder = ConsentApi.token("other-patient");
        for (Map.Entry<String, String[]> endpoint : new TreeSet<>(PATIENT_ENDPOINTS.keySet()).stream()
                .map(k -> Map.entry(k, PATIENT_ENDPOINTS.get(k))).toList()) {
            String[] methodAndPath = endpoint.getKey().split(" ", 2);
            String path = "/api/v1" + methodAndPath[1].replace("{patientRef}", devos)
                    .replace("{linkId}", UUID.randomUUID().toString()).replace("{exclusionId}", UUID.randomUUID().toString())
                    .replace("{proxyId}", UUID.randomUUID().toString())
                    .replace("{version}", "1").replace("{id}", UUID.randomUUID().toString()) + (methodAndPath[1].endsWith("/diff") ? "?from=1&to=1" : "");
            HttpResponse<String> response = call(methodAndPath[0], path, intruder, endpoint.getValue()[0]);
            assertEquals(403, response.statusCode(), endpoint.getKey() + ": " + response.body());
            assertEquals("CV-AUTH-004", Http.json(response).get("code").asText(), endpoint.getKey());

            JsonNode entry = ConsentApi.lastEntry(devos, endpoint.getValue()[1]);
            assertEquals(ConsentApi.resolve("62070834587"), entry.get("callerId").asText(),
                    endpoint.getKey() + ": the intruder is recorded, by patient reference");
            assertEquals("ROLE_NOT_ALLOWED", entry.get("decision").asText(), endpoint.getKey());
        }
    }

    /**
     * Every mailbox endpoint goes through the box decision: one that names another's box ({@code ?box=}) is refused to a
     * GP the box's owner gave no mandate, with CV-MAIL-009, and the refusal is in the owner's box trail (REST channel,
     * NOT_MANDATED, the GP named); one that is the owner's alone is refused to a patient, who has no box.
     */
    @Test
    void everyMailboxEndpointDecidesTheBoxAndTheOwnerSeesTheRefusals() throws Exception {
        MailboxApi.publish(MailboxApi.PHARMACIST);
        String patient = ConsentApi.token("other-patient");
        for (Map.Entry<String, String[]> endpoint : new TreeMap<>(MAILBOX_ENDPOINTS).entrySet()) {
            String[] methodAndPath = endpoint.getKey().split(" ", 2);
            String path = "/api/v1" + methodAndPath[1].replace("{id}", SOME_ID);
            String[] declared = endpoint.getValue();
            if ("box".equals(declared[2])) {
                HttpResponse<String> refused = call(methodAndPath[0], path + "?box="
                        + MailboxApi.encode(MailboxApi.PHARMACIST.box()), MailboxApi.GP.token(), declared[0]);
                assertEquals(403, refused.statusCode(), endpoint.getKey() + ": " + refused.body());
                assertEquals("CV-MAIL-009", Http.json(refused).get("code").asText(), endpoint.getKey());
                JsonNode entry = newestOfBox(MailboxApi.PHARMACIST);
                assertEquals(declared[1], entry.get("action").asText(), endpoint.getKey());
                assertEquals("NOT_MANDATED", entry.get("decision").asText(), endpoint.getKey());
                assertEquals("REST", entry.get("channel").asText(), endpoint.getKey());
                assertEquals("72081012378", entry.get("callerId").asText(), endpoint.getKey() + ": the GP is named");
            } else {
                HttpResponse<String> refused = "octets".equals(declared[0])
                        ? MailboxApi.postBytes(path + "?publicationId=p-" + UUID.randomUUID() + "&to="
                                + MailboxApi.encode(MailboxApi.PHARMACIST.box()), patient, new byte[] {1, 2, 3})
                        : call(methodAndPath[0], path, patient, declared[0]);
                assertEquals(403, refused.statusCode(), endpoint.getKey() + ": " + refused.body());
                assertEquals("CV-AUTH-004", Http.json(refused).get("code").asText(), endpoint.getKey() + ": a patient has no box");
            }
        }
    }

    /** Every mailbox SOAP operation on another's box (OnBehalfOf) is refused without a mandate and in the owner's trail. */
    @Test
    void everySoapMailboxOperationOnAnothersBoxIsRefusedWithoutAMandateAndAudited() throws Exception {
        MailboxApi.publish(MailboxApi.PHARMACIST);
        String onBehalf = "<c:OnBehalfOf><c:Type>SSIN</c:Type><c:Id>85021445650</c:Id><c:Quality>PHARMACIST</c:Quality>"
                + "</c:OnBehalfOf>";
        String message = "<c:MessageId>" + SOME_ID + "</c:MessageId>" + onBehalf;
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("GetBoxInfo", new String[] {onBehalf, "getBoxInfo"});
        calls.put("GetMessagesList", new String[] {"<c:Folder>INBOX</c:Folder>" + onBehalf, "getMessagesList"});
        calls.put("GetFullMessage", new String[] {message, "getFullMessage"});
        calls.put("SendReadReceipt", new String[] {message, "markAsRead"});
        calls.put("MoveMessage", new String[] {"<c:MessageId>" + SOME_ID + "</c:MessageId><c:Folder>BININBOX</c:Folder>"
                + onBehalf, "moveMessage"});
        calls.put("DeleteMessage", new String[] {message, "deleteMessage"});
        calls.put("GetMessageHistory", new String[] {message, "getMessageHistory"});
        calls.put("GetMessageAcknowledgmentsStatus", new String[] {message, "getMessageAcknowledgmentsStatus"});
        Set<String> ownerOnly = Set.of("InsertOoO", "DeleteOoO", "GetOoOList");
        Set<String> all = new TreeSet<>(calls.keySet());
        all.addAll(ownerOnly);
        assertEquals(operationsOf(MailboxConsultationPortType.class), all,
                "every consultation operation is either called here on another's box or is the owner's alone");
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            HttpResponse<String> refused = SignedSoap.mailbox("MailboxConsultation", call.getKey(), call.getValue()[0],
                    MailboxApi.GP.authentication());
            assertEquals(500, refused.statusCode(), call.getKey() + ": " + refused.body());
            assertEquals("CV-MAIL-009", SignedSoap.text(refused.body(), "Code"), call.getKey());
            JsonNode entry = newestOfBox(MailboxApi.PHARMACIST);
            assertEquals(call.getValue()[1], entry.get("action").asText(), call.getKey());
            assertEquals("NOT_MANDATED", entry.get("decision").asText(), call.getKey());
            assertEquals("SOAP", entry.get("channel").asText(), call.getKey());
        }
    }

    private static JsonNode newestOfBox(MailboxApi.Party owner) {
        HttpResponse<String> trail = Http.get(MailboxApi.MAILBOX + "/audit-trail?limit=1", owner.token());
        assertEquals(200, trail.statusCode(), trail.body());
        JsonNode entries = Http.json(trail).get("entries");
        assertEquals(1, entries.size(), "the refusal is in the owner's trail");
        return entries.get(0);
    }

    @Test
    void everySoapConsentOperationGoesThroughTheDecision() throws Exception {
        String ssin = ConsentApi.newSsin();
        String patient = "<c:PatientSsin>" + ssin + "</c:PatientSsin>";
        var gp = SoapAuthenticationIT.demo("gp.peeters");
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("PutPatientConsent", patient + "<c:Proof>EID_READING</c:Proof>");
        calls.put("GetPatientConsent", patient);
        calls.put("PutTherapeuticLink", patient + "<c:Kind>OCCASIONAL</c:Kind><c:Proof>EID_READING</c:Proof>");
        calls.put("GetTherapeuticLink", patient);
        calls.put("CheckAccess", patient + "<c:DataType>SUMEHR</c:DataType><c:Operation>READ</c:Operation>");
        calls.put("RevokeTherapeuticLink", null);
        calls.put("RevokePatientConsent", patient + "<c:Proof>EID_READING</c:Proof>");
        assertEquals(operationsOf(ConsentPortType.class), new TreeSet<>(calls.keySet()), "every SOAP consent operation is called here");
        // The identity port is classified with the other ports that name no patient (everyOtherSoapOperationIsClassified).

        String ref = ConsentApi.resolve(ssin);
        String linkId = null;
        for (Map.Entry<String, String> call : calls.entrySet()) {
            String children = call.getValue() != null ? call.getValue() : patient + "<c:LinkId>" + linkId + "</c:LinkId>";
            HttpResponse<String> response = SignedSoap.consent(call.getKey(), children, gp);
            assertEquals(200, response.statusCode(), call.getKey() + ": " + response.body());
            if ("PutTherapeuticLink".equals(call.getKey())) {
                linkId = SignedSoap.text(response.body(), "Id");
            }
            JsonNode entry = ConsentApi.lastEntry(ref, call.getKey());
            assertEquals("SOAP", entry.get("channel").asText(), call.getKey());
            assertEquals("PERMIT", entry.get("decision").asText(), call.getKey());
        }
    }

    /**
     * Every operation of the SOAP vault port, called by a GP on a patient who consented but with whom the GP has no
     * therapeutic relationship: each one is refused with the coded fault and leaves the refusal in the patient's trail.
     */
    @Test
    void everySoapVaultOperationIsRefusedWithoutARelationshipAndAudited() throws Exception {
        String[] consented = ConsentApi.consentedPatient();
        String ssin = consented[0];
        String ref = consented[1];
        String patient = "<c:PatientSsin>" + ssin + "</c:PatientSsin>";
        String id = "<c:Id>" + UUID.randomUUID() + "</c:Id>";
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("GetLatestUpdate", patient);
        calls.put("GetTransactionSet", patient);
        calls.put("PutTransactionSet", patient + "<c:BasedOnVersion>0</c:BasedOnVersion><c:Kmehr>"
                + base64(SchemeMessages.scheme(ssin, "1", List.of())) + "</c:Kmehr>");
        calls.put("PutTransaction", patient + "<c:Kmehr>" + base64(SumehrIT.sumehr(ssin, "x")) + "</c:Kmehr>");
        calls.put("GetTransactionList", patient);
        calls.put("GetTransaction", patient + id);
        calls.put("RevokeTransaction", patient + id);
        assertEquals(operationsOf(VaultPortType.class), new TreeSet<>(calls.keySet()), "every SOAP vault operation is called here");

        var gp = SoapAuthenticationIT.demo("gp.peeters");
        for (Map.Entry<String, String> call : calls.entrySet()) {
            HttpResponse<String> refused = SignedSoap.vault(call.getKey(), call.getValue(), gp);
            assertEquals(500, refused.statusCode(), call.getKey() + ": " + refused.body());
            assertEquals("CV-CONSENT-002", SignedSoap.text(refused.body(), "Code"), call.getKey());
            JsonNode entry = ConsentApi.lastEntry(ref, call.getKey());
            assertEquals("SOAP", entry.get("channel").asText(), call.getKey());
            assertEquals("NO_THERAPEUTIC_RELATIONSHIP", entry.get("decision").asText(), call.getKey());
        }
    }

    /**
     * Every operation of the IntraHub contract (the 26 of its WSDL, as the endpoint lists them) is classified: each one
     * the hub offers is called by a GP authenticated with a SAML holder-of-key assertion on a patient who consented but
     * with whom the GP has no therapeutic relationship, answers an {@code acknowledge} (never a fault) and leaves the
     * decision in the patient's trail on the SOAP channel — the vault's refused; the others answer CV-REQ-009 and touch
     * nothing.
     */
    @Test
    void everyIntraHubOperationIsClassifiedAndGoesThroughTheDecision() throws Exception {
        String[] consented = ConsentApi.consentedPatient();
        String ssin = consented[0];
        String ref = consented[1];
        String patient = "<core:patient><core:id S=\"ID-PATIENT\" SV=\"1.0\">" + ssin + "</core:id></core:patient>";
        String select = "<core:select>" + patient + "</core:select>";
        String byId = "<core:select>" + patient + "<core:transaction><core:id S=\"LOCAL\" SL=\"carevault\" SV=\"1.0\">"
                + UUID.randomUUID() + "</core:id></core:transaction></core:select>";
        String proof = "<core:proof><core:cd S=\"CD-PROOFTYPE\" SV=\"1.0\">eidreading</core:cd></core:proof>";
        String link = "<core:therapeuticlink>" + patient + "<core:cd S=\"CD-THERAPEUTICLINKTYPE\" SV=\"1.0\">occasional</core:cd>"
                + proof + "</core:therapeuticlink>";
        String kmehr = "<core:kmehrmessage xmlns=\"" + IntraHubIT.KMEHR + "\">";
        // operation → its request's content, and the action its decision leaves in the trail (refused: the vault's).
        Map<String, String[]> offered = new LinkedHashMap<>();
        offered.put("GetLatestUpdate", new String[] {"<core:select><core:criteria>" + patient + "<core:cd S=\"CD-TRANSACTION\""
            + " SV=\"1.0\">medicationscheme</core:cd></core:criteria></core:select>", "GetLatestUpdate", "refused"});
        offered.put("GetTransactionSet", new String[] {select, "GetTransactionSet", "refused"});
        offered.put("PutTransactionSet", new String[] {kmehr + IntraHubIT.body(SchemeMessages.scheme(ssin, "1", List.of()))
            + "</core:kmehrmessage>", "PutTransactionSet", "refused"});
        offered.put("PutTransaction", new String[] {kmehr + IntraHubIT.body(SumehrIT.sumehr(ssin, "x")) + "</core:kmehrmessage>",
            "PutTransaction", "refused"});
        offered.put("GetTransactionList", new String[] {select, "GetTransactionList", "refused"});
        offered.put("GetTransaction", new String[] {byId, "GetTransaction", "refused"});
        offered.put("RevokeTransaction", new String[] {byId, "RevokeTransaction", "refused"});
        offered.put("GetPatientAuditTrail", new String[] {select, "GetPatientAuditTrail", "refused"});
        offered.put("GetPatientConsent", new String[] {select, "GetPatientConsent", "decided"});
        offered.put("GetTherapeuticLink", new String[] {select, "GetTherapeuticLink", "decided"});
        offered.put("PutTherapeuticLink", new String[] {link, "PutTherapeuticLink", "decided"});
        // Revoking reads the caller's relationships first (to find the one of that kind), then ends it.
        offered.put("RevokeTherapeuticLink", new String[] {link, "RevokeTherapeuticLink", "decided"});
        offered.put("PutPatientConsent", new String[] {"<core:consent>" + patient + "<core:cd S=\"CD-CONSENTTYPE\" SV=\"1.0\">"
            + "retrospective</core:cd>" + proof + "</core:consent>", "PutPatientConsent", "decided"});
        offered.put("RevokePatientConsent", new String[] {"<core:consent>" + patient + "<core:cd S=\"CD-CONSENTTYPE\""
            + " SV=\"1.0\">retrospective</core:cd>" + proof + "</core:consent>", "RevokePatientConsent", "decided"});
        Set<String> notOffered = new TreeSet<>(IntraHubEndpoint.CONTRACT);
        notOffered.removeAll(offered.keySet());
        assertEquals(26, IntraHubEndpoint.CONTRACT.size(), "the contract's operations");
        assertEquals(12, notOffered.size(), "offered: " + offered.keySet());

        for (Map.Entry<String, String[]> call : offered.entrySet()) {
            Element answer = intraHub(call.getKey(), call.getValue()[0]);
            JsonNode entry = ConsentApi.lastEntry(ref, call.getValue()[1]);
            assertEquals("SOAP", entry.get("channel").asText(), call.getKey());
            if ("refused".equals(call.getValue()[2])) {
                assertEquals("false", IntraHubIT.text(answer, IntraHubIT.CORE, "iscomplete"), call.getKey());
                assertFalse("PERMIT".equals(entry.get("decision").asText()), call.getKey() + ": " + entry);
            }
        }
        long before = callersEntries(ref);
        for (String operation : notOffered) {
            assertEquals(List.of("CV-REQ-009"), IntraHubIT.errors(intraHub(operation, select)), operation);
        }
        assertEquals(before, callersEntries(ref), "nothing decided, nothing recorded");
    }

    /** The entries of the patient's trail left by others than the operator reading it. */
    private static long callersEntries(String ref) {
        long count = 0;
        for (JsonNode entry : ConsentApi.trail(ref, "?limit=500")) {
            count += "ADMIN".equals(entry.get("callerRole").asText()) ? 0 : 1;
        }
        return count;
    }

    private static Element intraHub(String operation, String inner) throws Exception {
        HttpResponse<String> answer = SamlAuthenticationIT.asTheGp(IntraHubIT.request(operation, inner));
        assertEquals(200, answer.statusCode(), operation + ": " + answer.body());
        Element response = SignedSoap.parse(answer.body()).getDocumentElement();
        Element payload = IntraHubIT.descendants(response, "http://www.ehealth.fgov.be/hubservices/protocol/v3",
                operation + "Response").get(0);
        return payload;
    }

    /**
     * The SOAP ports that name no patient in their operations, each classified with the reason; the mailbox's patient
     * checks inside a message (SendMessage, GetFullMessage with a patient) are tested by MailboxPatientIT. A new
     * operation on any port fails this test until it is classified here.
     */
    @Test
    void everyOtherSoapOperationIsClassified() {
        Map<Class<?>, Map<String, String>> ports = Map.of(
                IdentityPortType.class, Map.of("WhoAmI", "the caller's own identity"),
                EtkDepotPortType.class, Map.of(
                        "PublishEtk", "the caller publishes their own encryption token",
                        "GetEtk", "public encryption certificates of care providers",
                        "RevokeEtk", "the caller withdraws their own token"),
                MailboxPublicationPortType.class, Map.of(
                        "SendMessage", "sealed bytes; with a patient, decided as MESSAGE write (MailboxPatientIT)"),
                MailboxConsultationPortType.class, Map.ofEntries(
                        Map.entry("GetBoxInfo", "the box decision (everySoapMailboxOperationOnAnothersBox…)"),
                        Map.entry("GetMessagesList", "the box decision; routing data only"),
                        Map.entry("GetFullMessage", "the box decision; with a patient, recorded in the patient's trail"
                                + " (MailboxPatientIT)"),
                        Map.entry("MoveMessage", "the box decision"),
                        Map.entry("DeleteMessage", "the box decision"),
                        Map.entry("GetMessageHistory", "the box decision; routing data of the conversation"),
                        Map.entry("GetMessageAcknowledgmentsStatus", "the box decision; the sender's own receipts"),
                        Map.entry("SendReadReceipt", "the box decision; the recipient's own receipt"),
                        Map.entry("InsertOoO", "the owner's alone (box decision)"),
                        Map.entry("DeleteOoO", "the owner's alone (box decision)"),
                        Map.entry("GetOoOList", "the owner's alone (box decision)")));
        for (Map.Entry<Class<?>, Map<String, String>> port : ports.entrySet()) {
            assertEquals(new TreeSet<>(port.getValue().keySet()), operationsOf(port.getKey()),
                    port.getKey().getSimpleName() + ": every operation is classified here");
        }
        // eHealthBox v3 (the eHealth contract, by request element): the same mailbox service, so the same decisions.
        Map<String, String> ehbox = Map.ofEntries(
                Map.entry("GetBoxInfo", "the box decision"),
                Map.entry("GetMessagesList", "the box decision; routing data and the sender's listed envelope"),
                Map.entry("GetAllEhboxesMessagesList", "the box decision for the caller's box and each mandated one"),
                Map.entry("GetFullMessage", "the box decision (sealed content only: IsEncrypted is required)"),
                Map.entry("MoveMessage", "the box decision"),
                Map.entry("DeleteMessage", "the box decision"),
                Map.entry("GetHistory", "the box decision; message ids of the conversation"),
                Map.entry("GetMessageAcknowledgmentsStatus", "the box decision; the sender's own receipts"),
                Map.entry("InsertOoO", "the owner's alone (box decision)"),
                Map.entry("DeleteOoO", "the owner's alone (box decision)"),
                Map.entry("GetOoOList", "the owner's alone (box decision)"));
        assertEquals(new TreeSet<>(ehbox.keySet()), new TreeSet<>(EhBoxConsultationEndpoint.CONTRACT),
                "every eHealthBox consultation operation is classified here");
    }

    /**
     * The portal's pages work on the logged-in patient (or the one they act for, chosen from the caller's own proxies),
     * never on a patient named by the request; each page is listed with the decided calls it makes. Without a session
     * every page that is not the login itself answers a redirect to the login and no data.
     */
    @Test
    void everyPortalPageIsClassifiedAndNoneAnswersWithoutALogin() throws Exception {
        Map<String, String> pages = Map.ofEntries(
                Map.entry("", "GetPatientConsent, as the patient or their proxy"),
                Map.entry("/consent", "PutPatientConsent / RevokePatientConsent"),
                Map.entry("/notices", "GetPatientAuditTrail (the latest accesses by others)"),
                Map.entry("/relationships", "GetTherapeuticLink / RevokeTherapeuticLink"),
                Map.entry("/exclusions", "GetTherapeuticExclusion / Put / Revoke"),
                Map.entry("/medication", "GetTransactionSet, GetTransactionList, GetTransaction; the vaccinations' GetTransactionList"),
                Map.entry("/medication/print", "GetTransactionSet (the schedule, to print)"),
                Map.entry("/medication.pdf", "GetTransactionSet (the schedule as a PDF)"),
                Map.entry("/log", "GetPatientAuditTrail"),
                Map.entry("/log.csv", "GetPatientAuditTrail"),
                Map.entry("/log.pdf", "GetPatientAuditTrail"),
                Map.entry("/proxies", "GetProxy / PutProxy / RevokeProxy, and the caller's own mandates"),
                Map.entry("/acting", "one of the caller's own proxies; every later call decided again"),
                Map.entry("/step-up", "no data: sends the logged-in patient to Keycloak for their second factor"));
        Set<String> open = Set.of("/login", "/callback", "/logout", "/logged-out");
        Set<String> found = new TreeSet<>();
        for (Class<?> type : classesOf("org.carevault.interfaces.portal")) {
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null) {
                found.addAll(List.of(servlet.value()));
            }
        }
        Set<String> classified = new TreeSet<>(pages.keySet());
        classified.addAll(open);
        assertEquals(classified, found, "every portal page, and only those that exist, is classified here");
        for (String page : pages.keySet()) {
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/portal" + (page.isEmpty() ? "/" : page))));
            assertEquals(302, response.statusCode(), page + ": " + response.body());
            String location = response.headers().firstValue("Location").orElse("");
            assertTrue(location.endsWith("/portal/login"), page + " → " + location);
        }
    }

    private static Set<String> operationsOf(Class<?> portType) {
        Set<String> operations = new TreeSet<>();
        for (Method method : portType.getDeclaredMethods()) {
            operations.add(Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
        }
        return operations;
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.HUB + path))
                .header("Authorization", "Bearer " + token).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", body.startsWith("<") ? "application/xml" : "application/json");
        }
        return Http.send(request);
    }

    /** "METHOD path" of every resource method in the REST adapter, relative to /api/v1. */
    static Set<String> restEndpoints() throws Exception {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> type : classesOf("org.carevault.interfaces.rest")) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(PUT.class) ? "PUT"
                        : method.isAnnotationPresent(POST.class) ? "POST" : method.isAnnotationPresent(DELETE.class) ? "DELETE"
                        : null;
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    endpoints.add(verb + " " + classPath.value() + (sub == null ? "" : sub.value()));
                }
            }
        }
        assertTrue(endpoints.size() > 10, "the resource classes were found: " + endpoints);
        return endpoints;
    }

    private static List<Class<?>> classesOf(String packageName) throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : Classpath.list(packageName.replace('.', '/'), ".class")) {
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            if (!className.contains("$")) {
                classes.add(Class.forName(className, false, DecisionPointCoverageIT.class.getClassLoader()));
            }
        }
        return classes;
    }
}
