package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.carevault.client.SoapSigner;
import org.carevault.crypto.seal.Sealer;
import org.carevault.crypto.seal.Unsealer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * eHealthBox v3 over the wire, as Belgian medical software calls it: every request signed the eHealth way (a SAML
 * holder-of-key assertion of the test stack's STS), every content sealed on the client for the recipient's published
 * token. A GP sends a pharmacist a sealed document with a sealed annex, free text and patient SSIN; the pharmacist
 * lists it, reads it (and unseals every part), moves and deletes it; the GP follows its receipts. Plaintext, another's
 * seal and bad boxes are BusinessErrors with the hub's codes, and nothing is stored. Runs without ../shared.
 */
class EhBoxIT {

    static final String PUBLICATION = Stack.HUB + "/soap/ehBoxPublication/v3";
    static final String CONSULTATION = Stack.HUB + "/soap/ehBoxConsultation/v3";
    private static final String P = "urn:be:fgov:ehealth:ehbox:publication:protocol:v3";
    private static final String C = "urn:be:fgov:ehealth:ehbox:consultation:protocol:v3";
    private static final String PHARMACIST_BOX = "<Id>85021445650</Id><Type>INSS</Type><Quality>PHARMACIST</Quality>";
    private static final String NURSE_BOX = "<Id>90050123412</Id><Type>INSS</Type><Quality>NURSE</Quality>";

    @BeforeAll
    static void everyonePublishesAToken() {
        for (MailboxApi.Party party : List.of(MailboxApi.GP, MailboxApi.PHARMACIST, MailboxApi.NURSE)) {
            HttpResponse<String> published = MailboxApi.publish(party);
            assertEquals(201, published.statusCode(), published.body());
        }
    }

    @Test
    void aSealedDocumentGoesFromTheGpToThePharmacistWhoReadsMovesAndDeletesIt() throws Exception {
        String title = "Verwijsbrief " + UUID.randomUUID();
        Element sent = ok(publish(MailboxApi.GP, sendRequest("pub-" + shortId(), PHARMACIST_BOX, title, true,
                seal("Beste collega, graag opvolging.", MailboxApi.GP), seal("bijlage: labo", MailboxApi.GP),
                seal("Labo 3 december", MailboxApi.GP), seal("Dringend", MailboxApi.GP), seal("85073003328", MailboxApi.GP))));
        String id = sent.getAttribute("Id");
        assertTrue(id.matches("[A-Z0-9]{13}"), "a 13-character message id: " + id);

        Element listed = listedIn(MailboxApi.PHARMACIST, "INBOX", id);
        Element info = child(listed, "ContentInfo");
        assertEquals(title, text(info, "Title"));
        assertEquals("text/plain", text(info, "MimeType"));
        assertEquals("true", text(info, "HasAnnex"));
        assertEquals("true", text(info, "HasFreeInformations"));
        assertEquals("true", text(child(listed, "ContentSpecification"), "IsEncrypted"));
        assertEquals("true", text(child(listed, "ContentSpecification"), "IsImportant"));
        Element sender = child(listed, "Sender");
        assertEquals("72081012378", text(sender, "Id"));
        assertEquals("INSS", text(sender, "Type"));
        assertEquals("DOCTOR", text(sender, "Quality"));
        assertEquals("urgent", text(child(listed, "CustomMeta"), "Value"));

        Element full = ok(consult(MailboxApi.PHARMACIST, "GetFullMessage", "<Source>INBOX</Source><MessageId>" + id + "</MessageId>"));
        Element document = child(descend(full, "Message", "ContentContext", "Content"), "Document");
        assertEquals(title, text(document, "Title"));
        assertEquals("Beste collega, graag opvolging.", unseal(text(document, "EncryptableTextContent"), MailboxApi.PHARMACIST));
        Element annex = child(descend(full, "Message", "ContentContext", "Content"), "Annex");
        assertEquals("bijlage: labo", unseal(text(annex, "EncryptableTitle"), MailboxApi.PHARMACIST));
        assertEquals("Labo 3 december", unseal(text(annex, "EncryptableTextContent"), MailboxApi.PHARMACIST));
        assertEquals("labo.txt", text(annex, "DownloadFileName"));
        assertEquals("Dringend", unseal(text(descend(full, "Message", "ContentContext", "Content", "FreeInformations"),
                "EncryptableFreeText"), MailboxApi.PHARMACIST));
        assertEquals("85073003328", unseal(text(descend(full, "Message", "ContentContext", "Content"),
                "EncryptableINSSPatient"), MailboxApi.PHARMACIST));
        assertEquals("85021445650", text(descend(full, "Message", "DestinationContext"), "Id"));
        assertEquals("Beste collega, graag opvolging.", unseal(text(descend(ok(consult(MailboxApi.GP, "GetFullMessage",
                "<Source>SENTBOX</Source><MessageId>" + id + "</MessageId>")), "Message", "ContentContext", "Content",
                "Document"), "EncryptableTextContent"), MailboxApi.GP), "the sender opens its own sent copy");

        Element status = ok(consult(MailboxApi.GP, "GetMessageAcknowledgmentsStatus", "<MessageId>" + id + "</MessageId>"));
        Element row = descend(status, "AcknowledgmentsStatus", "Row");
        assertEquals("85021445650", text(child(row, "Recipient"), "Id"));
        for (String kind : List.of("Published", "Received", "Read")) {
            assertTrue(Instant.parse(text(row, kind)).isAfter(Instant.now().minusSeconds(300)), kind + " when it happened");
        }
        assertEquals(List.of(id), texts(ok(consult(MailboxApi.PHARMACIST, "GetHistory",
                "<Source>INBOX</Source><MessageId>" + id + "</MessageId>")), "MessageId"));

        ok(consult(MailboxApi.PHARMACIST, "MoveMessage", "<Source>INBOX</Source><Destination>BININBOX</Destination>"
                + "<MessageId>" + id + "</MessageId>"));
        listedIn(MailboxApi.PHARMACIST, "BININBOX", id);
        assertEquals(List.of(id), texts(ok(consult(MailboxApi.PHARMACIST, "DeleteMessage",
                "<Source>BININBOX</Source><MessageId>" + id + "</MessageId>")), "MessageId"));
        assertFalse(ids(MailboxApi.PHARMACIST, "BININBOX").contains(id), "gone from the pharmacist's box");
        assertTrue(ids(MailboxApi.GP, "SENTBOX").contains(id), "still in the GP's sent box");

        Element box = ok(consult(MailboxApi.GP, "GetBoxInfo", ""));
        assertEquals("72081012378", text(child(box, "BoxId"), "Id"));
        assertTrue(Long.parseLong(text(box, "CurrentSize")) > 0);
        assertTrue(Long.parseLong(text(box, "MaxSize")) >= Long.parseLong(text(box, "CurrentSize")));
    }

    @Test
    void aDocumentSentAsAnAttachmentArrivesInline() throws Exception {
        byte[] sealed = seal("als bijlage verstuurd", MailboxApi.GP);
        String body = "<p:SendMessageRequest xmlns:p=\"" + P + "\" PublicationId=\"att" + shortId() + "\"><DestinationContext>"
                + PHARMACIST_BOX + "</DestinationContext><ContentContext><Content><Document><Title>Bijlage</Title>"
                + "<EncryptableBinaryContent>cid:document-1@carevault</EncryptableBinaryContent>"
                + "<DownloadFileName>brief.txt</DownloadFileName><MimeType>text/plain</MimeType></Document></Content>"
                + specification(true) + "</ContentContext></p:SendMessageRequest>";
        String id = ok(multipart(MailboxApi.GP, body, sealed)).getAttribute("Id");
        Element full = ok(consult(MailboxApi.PHARMACIST, "GetFullMessage", "<Source>INBOX</Source><MessageId>" + id + "</MessageId>"));
        assertEquals("als bijlage verstuurd", unseal(text(descend(full, "Message", "ContentContext", "Content", "Document"),
                "EncryptableTextContent"), MailboxApi.PHARMACIST));
    }

    @Test
    void plaintextAnothersSealAndBadBoxesAreBusinessErrorsAndNothingIsStored() throws Exception {
        int before = ids(MailboxApi.PHARMACIST, "INBOX").size();
        String plain = Base64.getEncoder().encodeToString("leesbaar".getBytes(StandardCharsets.UTF_8));
        businessError("CV-MAIL-005", publish(MailboxApi.GP, sendRequest("plain" + shortId(), PHARMACIST_BOX, "Leesbaar", false,
                "leesbaar".getBytes(StandardCharsets.UTF_8), null, null, null, null)), "IsEncrypted false");
        businessError("CV-MAIL-005", publish(MailboxApi.GP, sendRequest("notsealed" + shortId(), PHARMACIST_BOX, "Vals", true,
                Base64.getDecoder().decode(plain), null, null, null, null)), "marked encrypted, not sealed");
        businessError("CV-MAIL-004", publish(MailboxApi.GP, sendRequest("other" + shortId(), PHARMACIST_BOX, "Vals", true,
                seal("van een ander", MailboxApi.NURSE), null, null, null, null)), "sealed by the nurse, sent by the GP");
        businessError("CV-MAIL-004", publish(MailboxApi.GP, sendRequest("annex" + shortId(), PHARMACIST_BOX, "Vals", true,
                seal("ok", MailboxApi.GP), seal("titel", MailboxApi.GP), seal("van een ander", MailboxApi.NURSE), null, null)),
                "an annex sealed by another");
        businessError("CV-REQ-002", publish(MailboxApi.GP, sendRequest("quality" + shortId(),
                "<Id>85021445650</Id><Type>INSS</Type><Quality>ASTRONAUT</Quality>", "Vals", true, seal("ok", MailboxApi.GP),
                null, null, null, null)), "a quality the hub does not serve");
        businessError("CV-MAIL-001", publish(MailboxApi.GP, sendRequest("unknown" + shortId(),
                "<Id>71020131395</Id><Type>INSS</Type><Quality>DOCTOR</Quality>", "Vals", true, seal("ok", MailboxApi.GP),
                null, null, null, null)), "a box the hub does not know");
        businessError("CV-REQ-002", consult(MailboxApi.GP, "GetFullMessage", "<MessageId>not-an-id</MessageId>"), "a bad id");
        businessError("CV-REQ-002", consult(MailboxApi.GP, "GetMessagesList", "<Source>ATTIC</Source>"), "a bad folder");
        assertEquals(before, ids(MailboxApi.PHARMACIST, "INBOX").size(), "nothing arrived");
    }

    @Test
    void othersFindNothingAndAnUnsignedRequestIsRefused() throws Exception {
        String id = ok(publish(MailboxApi.GP, sendRequest("priv" + shortId(), PHARMACIST_BOX, "Voor de apotheker", true,
                seal("alleen voor u", MailboxApi.GP), null, null, null, null))).getAttribute("Id");
        businessError("CV-REQ-005", consult(MailboxApi.NURSE, "GetFullMessage", "<Source>INBOX</Source><MessageId>" + id
                + "</MessageId>"), "the nurse reads the pharmacist's message");
        businessError("CV-REQ-005", consult(MailboxApi.NURSE, "DeleteMessage", "<Source>INBOX</Source><MessageId>" + id
                + "</MessageId>"), "the nurse deletes it");
        businessError("CV-MAIL-009", consult(MailboxApi.NURSE, "GetMessagesList", "<BoxId>" + PHARMACIST_BOX + "</BoxId>"
                + "<Source>INBOX</Source>"), "the nurse lists the pharmacist's box without a mandate");
        assertTrue(ids(MailboxApi.PHARMACIST, "INBOX").contains(id), "still there");
        HttpResponse<String> unsigned = Http.send(HttpRequest.newBuilder(URI.create(CONSULTATION))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(SoapSigner.envelope("<c:GetBoxInfoRequest xmlns:c=\"" + C + "\"/>"))));
        businessError("CV-AUTH-005", unsigned, "no WS-Security at all");
    }

    @Test
    void aMandateOpensTheBoxOverEHealthBoxTooUntilRevoked() throws Exception {
        HttpResponse<String> granted = Http.postJson(MailboxApi.MAILBOX + "/mandates", MailboxApi.PHARMACIST.token(),
                "{\"mandatee\":{\"type\":\"SSIN\",\"id\":\"90050123412\"}}");
        assertEquals(201, granted.statusCode(), granted.body());
        String mandate = Http.json(granted).get("id").asText();
        try {
            String id = ok(publish(MailboxApi.GP, sendRequest("mand" + shortId(), PHARMACIST_BOX, "Voor de apotheek", true,
                    seal("voor de apotheek", MailboxApi.GP), null, null, null, null))).getAttribute("Id");
            Element all = ok(consult(MailboxApi.NURSE, "GetAllEhboxesMessagesList", "<Source>INBOX</Source>"));
            Element mine = children(all, "Message").stream().filter(m -> id.equals(text(m, "MessageId"))).findFirst()
                    .orElseThrow(() -> new AssertionError("the mandated box's message is in the nurse's list of all boxes"));
            assertEquals("85021445650", text(child(mine, "Destination"), "Id"), "named by the box it is in");
            assertTrue(children(ok(consult(MailboxApi.NURSE, "GetMessagesList", "<BoxId>" + PHARMACIST_BOX + "</BoxId>"
                    + "<Source>INBOX</Source>")), "Message").stream().anyMatch(m -> id.equals(text(m, "MessageId"))),
                    "the pharmacist's box, listed by the nurse under the mandate");
        } finally {
            assertEquals(204, Http.delete(MailboxApi.MAILBOX + "/mandates/" + mandate, MailboxApi.PHARMACIST.token()).statusCode());
        }
        businessError("CV-MAIL-009", consult(MailboxApi.NURSE, "GetMessagesList", "<BoxId>" + PHARMACIST_BOX + "</BoxId>"
                + "<Source>INBOX</Source>"), "the mandate revoked");
    }

    @Test
    void outOfOfficeIsSetShownToSendersAndRemoved() throws Exception {
        for (Element absence : children(ok(consult(MailboxApi.PHARMACIST, "GetOoOList", "")), "OoO")) {
            ok(consult(MailboxApi.PHARMACIST, "DeleteOoO", "<OoOId>" + text(absence, "OoOId") + "</OoOId>"));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        ok(consult(MailboxApi.PHARMACIST, "InsertOoO", "<StartDate>" + today + "</StartDate><EndDate>" + today.plusDays(2)
                + "</EndDate><Substitute>" + NURSE_BOX + "</Substitute>"));
        Element absence = child(ok(consult(MailboxApi.PHARMACIST, "GetOoOList", "")), "OoO");
        assertEquals(today.toString(), text(absence, "StartDate"));
        assertEquals(today.plusDays(2).toString(), text(absence, "EndDate"));
        assertEquals("90050123412", text(child(absence, "Substitute"), "Id"));

        Element sent = ok(publish(MailboxApi.GP, sendRequest("ooo" + shortId(), PHARMACIST_BOX, "Tijdens verlof", true,
                seal("u bent afwezig", MailboxApi.GP), null, null, null, null)));
        Element recipient = child(sent, "Recipient");
        assertEquals("85021445650", text(recipient, "Id"));
        assertEquals(today.plusDays(2).toString(), text(recipient, "AbsentTo"));
        assertEquals("90050123412", text(child(recipient, "Substitute"), "Id"));

        String oooId = text(absence, "OoOId");
        assertEquals(List.of(oooId), texts(ok(consult(MailboxApi.PHARMACIST, "DeleteOoO", "<OoOId>" + oooId + "</OoOId>")), "OoOId"));
        assertTrue(children(ok(consult(MailboxApi.PHARMACIST, "GetOoOList", "")), "OoO").isEmpty());
    }

    // --- requests --------------------------------------------------------------------------------------------------

    /** A sendMessage body; each optional sealed part is left out when null. */
    static String sendRequest(String publicationId, String to, String title, boolean encrypted, byte[] document,
            byte[] annexTitle, byte[] annex, byte[] freeText, byte[] patient) {
        StringBuilder content = new StringBuilder("<Document><Title>" + title + "</Title><EncryptableTextContent>"
                + b64(document) + "</EncryptableTextContent><DownloadFileName>brief.txt</DownloadFileName>"
                + "<MimeType>text/plain</MimeType></Document>");
        if (freeText != null) {
            content.append("<FreeInformations><EncryptableFreeText>").append(b64(freeText)).append("</EncryptableFreeText></FreeInformations>");
        }
        if (patient != null) {
            content.append("<EncryptableINSSPatient>").append(b64(patient)).append("</EncryptableINSSPatient>");
        }
        if (annex != null) {
            content.append("<Annex><EncryptableTitle>").append(b64(annexTitle)).append("</EncryptableTitle><EncryptableTextContent>")
                    .append(b64(annex)).append("</EncryptableTextContent><DownloadFileName>labo.txt</DownloadFileName>")
                    .append("<MimeType>text/plain</MimeType><Digest>x</Digest></Annex>");
        }
        return "<p:SendMessageRequest xmlns:p=\"" + P + "\" PublicationId=\"" + publicationId + "\"><DestinationContext>" + to
                + "</DestinationContext><ContentContext><Content>" + content + "</Content>" + specification(encrypted)
                + "<CustomMeta><Key>priority</Key><Value>urgent</Value></CustomMeta></ContentContext></p:SendMessageRequest>";
    }

    private static String specification(boolean encrypted) {
        return "<ContentSpecification><ContentType>DOCUMENT</ContentType><IsImportant>true</IsImportant><IsEncrypted>"
                + encrypted + "</IsEncrypted><PublicationReceipt>true</PublicationReceipt><ReceivedReceipt>true</ReceivedReceipt>"
                + "<ReadReceipt>true</ReadReceipt></ContentSpecification>";
    }

    static HttpResponse<String> publish(MailboxApi.Party party, String body) throws Exception {
        return SamlAuthenticationIT.as(party, PUBLICATION, body, "urn:be:fgov:ehealth:ehbox:publication:protocol:v3:sendMessage");
    }

    static HttpResponse<String> consult(MailboxApi.Party party, String operation, String inner) throws Exception {
        String action = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        return SamlAuthenticationIT.as(party, CONSULTATION, "<c:" + operation + "Request xmlns:c=\"" + C + "\">" + inner
                + "</c:" + operation + "Request>", "urn:be:fgov:ehealth:ehbox:consultation:protocol:v3:" + action);
    }

    /** sendMessage as SOAP with attachments: the signed envelope, then the sealed document as part {@code document-1}. */
    private static HttpResponse<String> multipart(MailboxApi.Party party, String body, byte[] attachment) throws Exception {
        String envelope = SamlAuthenticationIT.signedAs(party, body);
        String boundary = "uuid:" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <root.message@cxf.apache.org>\r\n\r\n" + envelope + "\r\n--" + boundary
                + "\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <document-1@carevault>\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + attachment.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(attachment, 0, all, head.length, attachment.length);
        System.arraycopy(tail, 0, all, head.length + attachment.length, tail.length);
        return Http.send(HttpRequest.newBuilder(URI.create(PUBLICATION))
                .header("Content-Type", "multipart/related; type=\"text/xml\"; boundary=\"" + boundary
                        + "\"; start=\"<root.message@cxf.apache.org>\"; start-info=\"text/xml\"")
                .header("SOAPAction", "\"urn:be:fgov:ehealth:ehbox:publication:protocol:v3:sendMessage\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)));
    }

    // --- answers ---------------------------------------------------------------------------------------------------

    /** The response element of a successful answer (status 100). */
    static Element ok(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer::body);
        Element response = body(answer);
        assertEquals("100", text(child(response, "Status"), "Code"), answer.body());
        return response;
    }

    /** A BusinessError with the hub's code, its Origin the consumer's and the contract's Environment. */
    static void businessError(String code, HttpResponse<String> answer, String why) {
        assertEquals(500, answer.statusCode(), why + ": " + answer.body());
        Element error = (Element) SoapSigner.parse(answer.body())
                .getElementsByTagNameNS("urn:be:fgov:ehealth:errors:soa:v1", "BusinessError").item(0);
        assertTrue(error != null, why + ": a BusinessError: " + answer.body());
        assertEquals(code, text(error, "Code"), why);
        assertEquals("consumer", text(error, "Origin"), why);
        assertEquals(1, error.getElementsByTagNameNS("urn:be:fgov:ehealth:errors:soa:v1", "Environment").getLength(), why);
        assertFalse(answer.body().contains("Exception"), why + ": nothing of the hub's internals");
    }

    private static Element body(HttpResponse<String> answer) {
        Element envelope = SoapSigner.parse(answer.body()).getDocumentElement();
        Element body = (Element) envelope.getElementsByTagNameNS(SoapSigner.SOAP_NS, "Body").item(0);
        return children(body, null).get(0);
    }

    private static Element listedIn(MailboxApi.Party owner, String folder, String id) throws Exception {
        return children(ok(consult(owner, "GetMessagesList", "<Source>" + folder + "</Source>")), "Message").stream()
                .filter(m -> id.equals(text(m, "MessageId"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in " + folder));
    }

    private static List<String> ids(MailboxApi.Party owner, String folder) throws Exception {
        Element list = ok(consult(owner, "GetMessagesList", "<Source>" + folder + "</Source>"));
        assertEquals(folder, text(list, "Source"));
        return children(list, "Message").stream().map(m -> text(m, "MessageId")).toList();
    }

    private static byte[] seal(String text, MailboxApi.Party sender) {
        return Sealer.seal(text.getBytes(StandardCharsets.UTF_8), sender.authentication(),
                List.of(MailboxApi.lookup(sender, MailboxApi.PHARMACIST.box()).get(0),
                        MailboxApi.lookup(sender, sender.box()).get(0)));
    }

    private static String unseal(String base64, MailboxApi.Party reader) {
        var encryption = reader.encryption();
        return new String(Unsealer.unseal(Base64.getDecoder().decode(base64), encryption.privateKey(), encryption.certificate(),
                MailboxApi.trust(), Instant.now()).content(), StandardCharsets.UTF_8);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** The element children of {@code parent} (unqualified, as the contract writes them) named {@code name}, or all. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || name.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertFalse(found.isEmpty(), "an element " + name + " in " + parent.getLocalName());
        return found.get(0);
    }

    private static Element descend(Element from, String... path) {
        Element at = from;
        for (String name : path) {
            at = child(at, name);
        }
        return at;
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).toList();
    }
}
