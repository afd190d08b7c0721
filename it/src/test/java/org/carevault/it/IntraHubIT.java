package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.validation.Schema;
import org.carevault.client.SoapSigner;
import org.carevault.kmehr.KmehrMessage;
import org.carevault.kmehr.KmehrParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * IntraHub v3 over the wire with a client nobody here wrote: e-Contract's unmodified client gets a holder-of-key
 * assertion from the demo STS and calls the hub as GP software calls Vitalink — PutTransactionSet of a real medication
 * scheme written by others, GetTransactionSet (without a transaction id, as that client sends it), GetLatestUpdate —
 * and the hub's refusals arrive as {@code acknowledge} errors carrying the hub's codes. Skipped with a notice where
 * ../shared is absent.
 */
class IntraHubIT {

    static final String CORE = "http://www.ehealth.fgov.be/hubservices/core/v3";
    static final String KMEHR = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";
    private static final Path SCHEME = Path.of(System.getProperty("carevault.interop.dir", "../../shared/interop"),
            "kmehr", "medication-scheme", "TS-02-posologies.xml");

    private static Path gp;

    @BeforeAll
    static void anAssertionForTheGp() throws Exception {
        if (Files.isRegularFile(ContractClient.JAR)) {
            gp = ContractClient.assertion("gp.peeters");
        }
    }

    @Test
    void aRealSchemeIsPutReadBackAndItsLatestUpdateKnown() throws Exception {
        ContractClient.required("IntraHubIT");
        if (!Files.isRegularFile(SCHEME)) {
            System.out.println("NOTICE: IntraHubIT skips the interop scheme: " + SCHEME + " is absent");
            Assumptions.abort("the interop corpus is not on this machine");
        }
        String[] patient = ConsentApi.patientOfThePhysician();
        String ssin = patient[0];
        byte[] original = Files.readAllBytes(SCHEME);
        KmehrMessage theirs = KmehrParser.parse(original);
        // Their patient becomes a fresh one of ours; the scheme as they wrote it, version included (of their hub).
        String sent = new String(original, StandardCharsets.UTF_8).replace(theirs.patient().value(), ssin);
        Path file = Files.createTempFile("scheme", ".xml");
        Files.writeString(file, sent);

        ContractClient.Run put = ContractClient.intrahub("gp.peeters", gp, "put-transaction-set", "--kmehr", file.toString());
        Files.delete(file);
        assertEquals(0, put.exit(), put.output());
        Element putAnswer = payload(put);
        assertComplete(putAnswer);
        List<Element> ids = descendants(putAnswer, CORE, "id");
        assertTrue(ids.stream().anyMatch(id -> "carevault".equals(id.getAttribute("SL"))), "vault ids answered");
        echoes(putAnswer);

        ContractClient.Run get = ContractClient.intrahub("gp.peeters", gp, "get-transaction-set", "--ssin", ssin);
        assertEquals(0, get.exit(), get.output());
        Element getAnswer = payload(get);
        assertComplete(getAnswer);
        Element message = descendants(getAnswer, CORE, "kmehrmessage").get(0);
        byte[] kmehr = standalone(message);
        KmehrMessage returned = KmehrParser.parse(kmehr);
        assertEquals(ssin, returned.patient().value());
        assertEquals(theirs.transactions().size(), returned.transactions().size(), "every transaction sent is read back");
        assertEquals(Optional.of(1L), returned.transactionsOfType("medicationscheme").get(0).version(), "the first version");
        Optional<Schema> schema = KmehrSchema.get();
        if (schema.isPresent() && KmehrSchema.errors(schema.get(), sent.getBytes(StandardCharsets.UTF_8)).isEmpty()) {
            assertEquals(List.of(), KmehrSchema.errors(schema.get(), kmehr), "the KMEHR answered is valid");
        }

        ContractClient.Run latest = ContractClient.intrahub("gp.peeters", gp, "get-latest-update", "--ssin", ssin);
        assertEquals(0, latest.exit(), latest.output());
        Element latestAnswer = payload(latest);
        assertComplete(latestAnswer);
        assertEquals("1", text(latestAnswer, CORE, "version"));
        assertEquals("medicationscheme", text(latestAnswer, CORE, "cd"));

        // No lost update: the same write again is based on a version that is not the current one (1): refused, nothing
        // changes.
        Path stale = Files.createTempFile("scheme", ".xml");
        Files.writeString(stale, sent);
        ContractClient.Run again = ContractClient.intrahub("gp.peeters", gp, "put-transaction-set", "--kmehr", stale.toString());
        Files.delete(stale);
        assertEquals(List.of("CV-VAULT-001"), errors(payload(again)));
        assertEquals("1", text(payload(ContractClient.intrahub("gp.peeters", gp, "get-latest-update", "--ssin", ssin)),
                CORE, "version"));

        JsonNode audited = ConsentApi.lastEntry(patient[1], "PutTransactionSet");
        assertEquals("72081012378", audited.get("callerId").asText(), audited.toString());
        assertEquals("PERMIT", audited.get("decision").asText(), audited.toString());
        assertEquals("SOAP", audited.get("channel").asText(), audited.toString());
    }

    @Test
    void refusalsAreAcknowledgeErrorsWithTheHubsCodes() throws Exception {
        ContractClient.required("IntraHubIT");
        String ssin = ConsentApi.newSsin();
        String ref = ConsentApi.resolve(ssin);
        assertEquals(List.of("CV-CONSENT-001"),
                errors(payload(ContractClient.intrahub("gp.peeters", gp, "get-latest-update", "--ssin", ssin))), "no consent");
        assertEquals(List.of("CV-CONSENT-001"),
                errors(payload(ContractClient.intrahub("gp.peeters", gp, "get-transaction-set", "--ssin", ssin))), "no consent");
        ConsentApi.putConsentAsProfessional(ref, "physician");
        assertEquals(List.of("CV-CONSENT-002"),
                errors(payload(ContractClient.intrahub("gp.peeters", gp, "get-transaction-set", "--ssin", ssin))),
                "no therapeutic relationship");
        JsonNode audited = ConsentApi.lastEntry(ref, "GetTransactionSet");
        assertEquals("NO_THERAPEUTIC_RELATIONSHIP", audited.get("decision").asText(), audited.toString());

        assertEquals(List.of("CV-AUTH-004"), errors(raw("GetPatientAuditTrail", "<core:select><core:patient>"
                + "<core:id S=\"ID-PATIENT\" SV=\"1.0\">" + ssin + "</core:id></core:patient></core:select>")),
                "the trail is the patient's (and the operator's) to read");
        assertEquals("ROLE_NOT_ALLOWED", ConsentApi.lastEntry(ref, "GetPatientAuditTrail").get("decision").asText());

        Element other = raw("GetPatient", select(ssin, ""));
        assertEquals(List.of("CV-REQ-009"), errors(other), "an operation the hub does not offer");
    }

    @Test
    void sumehrsArePutListedReadAndRevoked() throws Exception {
        ContractClient.required("IntraHubIT");
        String ssin = ConsentApi.patientOfThePhysician()[0];
        Element put = raw("PutTransaction", "<core:kmehrmessage xmlns=\"" + KMEHR + "\">"
                + body(SumehrIT.sumehr(ssin, "Hypertensie sinds 2019")) + "</core:kmehrmessage>");
        assertComplete(put);
        String id = descendants(put, CORE, "id").stream().filter(e -> "carevault".equals(e.getAttribute("SL")))
                .map(Element::getTextContent).findFirst().orElseThrow(() -> new AssertionError("no hub id"));
        assertComplete(raw("PutTransaction", "<core:kmehrmessage xmlns=\"" + KMEHR + "\">"
                + body(SumehrIT.sumehr(ssin, "Diabetes type 2")) + "</core:kmehrmessage>"));

        Element list = raw("GetTransactionList", select(ssin, "<core:transaction><core:cd S=\"CD-TRANSACTION\" SV=\"1.0\">"
                + "sumehr</core:cd></core:transaction>"));
        assertComplete(list);
        assertEquals(2, descendants(list, CORE, "recorddatetime").size(), "both listed");
        Element cut = raw("GetTransactionList", select(ssin, ""), "<core:maxrows>1</core:maxrows>");
        assertEquals("false", text(cut, CORE, "iscomplete"), "cut short by maxrows: not complete");
        assertEquals(0, descendants(cut, CORE, "error").size(), "and no error");
        assertEquals(1, descendants(cut, CORE, "recorddatetime").size(), "maxrows honoured");

        String selectById = select(ssin, "<core:transaction><core:id S=\"LOCAL\" SL=\"carevault\" SV=\"1.0\">" + id
                + "</core:id><core:cd S=\"CD-TRANSACTION\" SV=\"1.0\">sumehr</core:cd></core:transaction>");
        Element get = raw("GetTransaction", selectById);
        assertComplete(get);
        String problem = text(descendants(get, CORE, "kmehrmessage").get(0), KMEHR, "text");
        assertEquals("Hypertensie sinds 2019", problem, "the Sumehr as pushed");

        assertComplete(raw("RevokeTransaction", selectById));
        assertEquals(1, descendants(raw("GetTransactionList", select(ssin, "")), CORE, "recorddatetime").size(),
                "the revoked one is no longer listed");
        assertEquals(List.of("CV-AUTH-004"), errors(rawAs("nurse.maes", "RevokeTransaction", selectById)),
                "a nurse writes no Sumehr (the access matrix), so revokes none");
        assertEquals(List.of("CV-REQ-002"), errors(raw("GetTransaction", select(ssin, "<core:transaction><core:id S=\"ID-KMEHR\""
                + " SV=\"1.0\">1</core:id></core:transaction>"))), "selected by another id than the hub's");
    }

    @Test
    void consentAndTheTherapeuticLinkAreRegisteredReadAndRevoked() throws Exception {
        ContractClient.required("IntraHubIT");
        String ssin = ConsentApi.newSsin();
        ConsentApi.resolve(ssin);
        String patient = "<core:patient><core:id S=\"ID-PATIENT\" SV=\"1.0\">" + ssin + "</core:id></core:patient>";
        String proof = "<core:proof><core:cd S=\"CD-PROOFTYPE\" SV=\"1.0\">eidreading</core:cd></core:proof>";
        String consent = "<core:consent>" + patient + "<core:cd S=\"CD-CONSENTTYPE\" SV=\"1.0\">retrospective</core:cd>"
                + "<core:signdate>2026-12-04</core:signdate>";
        assertEquals(List.of("CV-CONSENT-005"), errors(raw("PutPatientConsent", consent + "</core:consent>")),
                "IntraHub 3.5 carries no proof: the hub asks for one");
        assertComplete(raw("PutPatientConsent", consent + proof + "</core:consent>"));
        Element read = raw("GetPatientConsent", "<core:select>" + patient + "</core:select>");
        assertComplete(read);
        assertEquals("retrospective", text(descendants(read, CORE, "consent").get(0), CORE, "cd"));

        String self = "<core:hcparty><core:id S=\"INSS\" SV=\"1.0\">72081012378</core:id></core:hcparty>";
        String kind = "<core:cd S=\"CD-THERAPEUTICLINKTYPE\" SV=\"1.0\">regular</core:cd>";
        assertEquals(List.of("CV-REQ-002"), errors(raw("PutTherapeuticLink", "<core:therapeuticlink>" + patient
                + "<core:hcparty><core:id S=\"INSS\" SV=\"1.0\">85021445650</core:id></core:hcparty>" + kind + proof
                + "</core:therapeuticlink>")), "a relationship for someone else");
        assertComplete(raw("PutTherapeuticLink", "<core:therapeuticlink>" + patient + self + kind + proof + "</core:therapeuticlink>"));
        Element linked = raw("GetTherapeuticLink", "<core:select>" + patient + "</core:select>");
        assertComplete(linked);
        assertEquals(1, descendants(linked, CORE, "therapeuticlink").size());
        assertEquals("72081012378", text(descendants(linked, CORE, "hcparty").get(0), CORE, "id"), "the GP's relationship");
        assertComplete(payload(ContractClient.intrahub("gp.peeters", gp, "get-transaction-set", "--ssin", ssin)));

        assertComplete(raw("RevokeTherapeuticLink", "<core:therapeuticlink>" + patient + self + kind + "</core:therapeuticlink>"));
        assertEquals(List.of("CV-CONSENT-002"),
                errors(payload(ContractClient.intrahub("gp.peeters", gp, "get-transaction-set", "--ssin", ssin))),
                "no relationship once it is revoked");
        assertComplete(raw("RevokePatientConsent", consent + proof + "</core:consent>"));
        assertEquals(0, descendants(raw("GetPatientConsent", "<core:select>" + patient + "</core:select>"), CORE, "consent").size(),
                "no consent in force");
    }

    /** An IntraHub request by the GP through the client's raw command: the request header, then {@code inner}. */
    /**
     * A hospital the eHealth way: e-Contract's client asks the demo STS for the hospital's assertion (its NIHII,
     * recognised as a hospital), and the hospital, signing with its own key, pushes a Sumehr and lists it.
     */
    @Test
    void aHospitalGetsItsAssertionAndPushesASumehr() throws Exception {
        ContractClient.required("IntraHubIT");
        Path assertion = ContractClient.hospitalAssertion("hospital-az", "71099812");
        String xml = Files.readString(assertion);
        assertTrue(xml.contains(">71099812<") && xml.contains("recognisedhospital:boolean"), xml);
        String ssin = ConsentApi.newSsin();
        String ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "hospital");
        ConsentApi.linkId(ref, "hospital");
        org.carevault.crypto.pki.Credential hospital = SoapAuthenticationIT.demo("hospital-az");
        Element put = asHospital(hospital, xml, request("PutTransaction", "<core:kmehrmessage xmlns=\"" + KMEHR + "\">"
                + body(SumehrIT.sumehr(ssin, "Ontslag na heelkunde")) + "</core:kmehrmessage>"), "PutTransaction");
        assertComplete(put);
        Element list = asHospital(hospital, xml, request("GetTransactionList", select(ssin, "")), "GetTransactionList");
        assertComplete(list);
        assertEquals(1, descendants(list, CORE, "transaction").size(), "the hospital's Sumehr");
        assertEquals("HOSPITAL", ConsentApi.lastEntry(ref, "PutTransaction").get("callerRole").asText());
    }

    private static Element asHospital(org.carevault.crypto.pki.Credential key, String assertion, String body, String operation)
            throws Exception {
        String signed = SignedSoap.sign(org.carevault.client.SoapSigner.envelope(body), key, SignedSoap.RSA_SHA256,
                timestamp -> timestamp.getParentNode().appendChild(timestamp.getOwnerDocument().importNode(
                        org.carevault.client.SoapSigner.parse(assertion).getDocumentElement(), true)));
        var answer = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ContractClient.INTRAHUB))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(signed)));
        assertEquals(200, answer.statusCode(), answer.body());
        return descendants(org.carevault.client.SoapSigner.parse(answer.body()).getDocumentElement(),
                "http://www.ehealth.fgov.be/hubservices/protocol/v3", operation + "Response").get(0);
    }

    private static Element raw(String operation, String inner, String... requestExtras) throws Exception {
        return rawAs("gp.peeters", operation, inner, requestExtras);
    }

    private static Element rawAs(String user, String operation, String inner, String... requestExtras) throws Exception {
        Path assertion = "gp.peeters".equals(user) ? gp : ContractClient.assertion(user);
        Path request = Files.createTempFile("intrahub", ".xml");
        Files.writeString(request, request(operation, inner, requestExtras));
        ContractClient.Run run = ContractClient.intrahub(user, assertion, "raw", "--request", request.toString());
        Files.delete(request);
        assertEquals(0, run.exit(), run.output());
        Element answer = payload(run);
        assertEquals(operation + "Response", answer.getLocalName());
        return answer;
    }

    /** An IntraHub request element by the demo GP: the request header ({@code requestExtras} at its end), then {@code inner}. */
    static String request(String operation, String inner, String... requestExtras) {
        return "<protocol:" + operation + "Request xmlns:protocol=\"http://www.ehealth.fgov.be/hubservices/protocol/v3\""
                + " xmlns:core=\"" + CORE + "\" xmlns:kmehr=\"" + KMEHR + "\"><core:request><core:id S=\"ID-KMEHR\" SV=\"1.0\">"
                + "12345625004." + System.nanoTime() + "</core:id><core:author><kmehr:hcparty><kmehr:id S=\"ID-HCPARTY\" SV=\"1.0\">"
                + "12345625004</kmehr:id><kmehr:cd S=\"CD-HCPARTY\" SV=\"1.1\">persphysician</kmehr:cd></kmehr:hcparty>"
                + "</core:author><core:date>2026-12-04</core:date><core:time>10:00:00</core:time>" + String.join("", requestExtras)
                + "</core:request>" + inner + "</protocol:" + operation + "Request>";
    }

    private static String select(String ssin, String transaction) {
        return "<core:select><core:patient><core:id S=\"ID-PATIENT\" SV=\"1.0\">" + ssin + "</core:id></core:patient>"
                + transaction + "</core:select>";
    }

    /** The children of a KMEHR message's root, as text. */
    static String body(String kmehr) {
        String withoutDeclaration = kmehr.substring(kmehr.indexOf("<kmehrmessage"));
        return withoutDeclaration.substring(withoutDeclaration.indexOf('>') + 1, withoutDeclaration.lastIndexOf("</kmehrmessage>"));
    }

    static Element payload(ContractClient.Run run) {
        String xml = run.payload();
        assertFalse(xml.isEmpty(), run.output());
        return SoapSigner.parse(xml).getDocumentElement();
    }

    /** The response echoes the request's id. */
    private static void echoes(Element answer) {
        Element response = descendants(answer, CORE, "response").get(0);
        Element request = descendants(response, CORE, "request").get(0);
        assertTrue(text(request, CORE, "id").startsWith("12345625004."), "the request's id echoed");
    }

    static void assertComplete(Element answer) {
        assertEquals("true", text(answer, CORE, "iscomplete"),
                () -> "complete: " + descendants(answer, CORE, "acknowledge").get(0).getTextContent());
    }

    /** The hub's codes in the acknowledge's errors. */
    static List<String> errors(Element answer) {
        assertEquals("false", text(answer, CORE, "iscomplete"));
        List<String> codes = new ArrayList<>();
        for (Element error : descendants(answer, CORE, "error")) {
            for (Element cd : descendants(error, KMEHR, "cd")) {
                assertEquals("CD-ERROR", cd.getAttribute("S"));
                codes.add(cd.getTextContent());
            }
            assertFalse(descendants(error, KMEHR, "description").get(0).getTextContent().isBlank(), "described");
        }
        return codes;
    }

    static String text(Element parent, String namespace, String localName) {
        List<Element> found = descendants(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    static List<Element> descendants(Element parent, String namespace, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** The contract's core:kmehrmessage as a KMEHR message of its own. */
    static byte[] standalone(Element message) throws Exception {
        Document document = SoapSigner.parse("<kmehrmessage xmlns=\"" + KMEHR + "\"/>");
        for (Node child = message.getFirstChild(); child != null; child = child.getNextSibling()) {
            document.getDocumentElement().appendChild(document.importNode(child, true));
        }
        var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        var out = new java.io.ByteArrayOutputStream();
        transformer.transform(new javax.xml.transform.dom.DOMSource(document), new javax.xml.transform.stream.StreamResult(out));
        return out.toByteArray();
    }
}
