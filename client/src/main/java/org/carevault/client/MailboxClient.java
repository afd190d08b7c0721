package org.carevault.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.carevault.crypto.etk.EncryptionToken;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Sealer;
import org.carevault.crypto.seal.Unsealer;
import org.carevault.crypto.timestamp.TimeStamps;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What medical software embeds to use the CareVault mailbox over SOAP: every request signed with the
 * user's authentication certificate; letters sealed on this side for every recipient's published
 * encryption token (each verified here against the care CA) and for the sender; what arrives opened
 * and its sender verified here. The hub only ever sees sealed bytes.
 */
public final class MailboxClient {

    private static final String NS = "urn:carevault:ws:mailbox:v1";

    /** A box: {@code SSIN:<ssin>:PHYSICIAN} or {@code NIHII:<nihii>:HOSPITAL}. */
    public record Box(String type, String id, String quality) {
        public static Box parse(String written) {
            String[] parts = written.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a box is written TYPE:ID:QUALITY");
            }
            return new Box(parts[0], parts[1], parts[2]);
        }

        String xml(String element) {
            return "<m:" + element + "><m:Type>" + esc(type) + "</m:Type><m:Id>" + esc(id) + "</m:Id><m:Quality>" + esc(quality)
                    + "</m:Quality></m:" + element + ">";
        }

        static Box of(Element box) {
            return new Box(text(box, "Type"), text(box, "Id"), text(box, "Quality"));
        }

        @Override
        public String toString() {
            return type + ":" + id + ":" + quality;
        }
    }

    /** How a letter is sent: flags, the patient it concerns, the message it answers. */
    public record Options(boolean important, boolean receiptReceived, boolean receiptRead, Optional<String> patientSsin,
            Optional<String> inReplyTo) {
        public static final Options NONE = new Options(false, false, false, Optional.empty(), Optional.empty());

        public Options answering(String messageId) {
            return new Options(important, receiptReceived, receiptRead, patientSsin, Optional.of(messageId));
        }
    }

    public record Absence(Box recipient, Instant until, List<Box> substitutes) {
    }

    public record Sent(String messageId, boolean repeated, List<Absence> absent) {
    }

    public record MessageInfo(String id, String publicationId, Box sender, List<Box> recipients, Instant sentAt, long size,
            boolean important, String folder, Optional<Instant> receivedAt, Optional<Instant> readAt,
            Optional<String> inReplyTo) {
    }

    /** A message opened here: the letter, and the sender whose signatures verified. */
    public record Received(MessageInfo info, Letter letter, CertificateIdentity sender) {
    }

    /** A receipt whose time-stamp verified here ({@code stampedAt} is the TSA's time). */
    public record Acknowledgment(Box recipient, String kind, Instant at, String statement, Instant stampedAt) {
    }

    public record BoxInfo(Box box, long usedBytes, long quotaBytes, long unread, long waiting) {
    }

    private final URI hub;
    private final Credential authentication;
    private final Credential encryption;
    private final List<X509Certificate> trust;
    private final org.apache.wss4j.common.crypto.Merlin signing;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param hub            the hub's base URL (e.g. {@code http://localhost:8080})
     * @param authentication the user's authentication key and certificate (signs requests and letters)
     * @param encryption     the user's encryption key and certificate (what its token publishes)
     * @param trust          the care CA that tokens, senders and time-stamps must chain to
     */
    public MailboxClient(URI hub, Credential authentication, Credential encryption, List<X509Certificate> trust) {
        this.hub = hub;
        this.authentication = authentication;
        this.encryption = encryption;
        this.trust = List.copyOf(trust);
        try {
            this.signing = SoapSigner.crypto(authentication);
        } catch (Exception e) {
            throw new IllegalArgumentException("the authentication key cannot be used for signing", e);
        }
    }

    /** PublishEtk: the encryption certificate, signed with the authentication key. Returns the token's id. */
    public String publishToken() {
        byte[] token = EncryptionToken.create(authentication, encryption.certificate());
        Document response = call("EtkDepot", "PublishEtk", "<m:Token>" + b64(token) + "</m:Token>");
        return text(first(response, "Etk"), "Id");
    }

    /** RevokeEtk: withdraws one of this user's tokens (what was sealed for it stays readable with its key). */
    public void revokeToken(String tokenId) {
        call("EtkDepot", "RevokeEtk", "<m:Id>" + esc(tokenId) + "</m:Id>");
    }

    /** GetEtk, each token verified here: the box's encryption certificates. */
    public List<X509Certificate> encryptionCertificates(Box box) {
        Document response = call("EtkDepot", "GetEtk", box.xml("Owner"));
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element etk : all(response, "Etk")) {
            certificates.add(EncryptionToken.verify(Base64.getDecoder().decode(text(etk, "Token")), trust, Instant.now())
                    .encryptionCertificate());
        }
        return certificates;
    }

    /** Seals the letter for every recipient's tokens and the sender, and sends it (sendMessage). */
    public Sent send(String publicationId, Letter letter, List<Box> to, Options options) {
        List<X509Certificate> recipients = new ArrayList<>();
        for (Box box : to) {
            List<X509Certificate> tokens = encryptionCertificates(box);
            if (tokens.isEmpty()) {
                // Nothing can be sealed for this box: refused here, before anything is sent.
                throw new MailboxException("CV-MAIL-002", "the box " + box + " has no valid encryption token", null);
            }
            recipients.addAll(tokens);
        }
        return sendSealed(publicationId, Sealer.seal(letter.encode(), authentication, recipients), to, options);
    }

    /** sendMessage of bytes already sealed (by {@link #send}, or by software that seals itself). */
    public Sent sendSealed(String publicationId, byte[] sealed, List<Box> to, Options options) {
        StringBuilder body = new StringBuilder("<m:PublicationId>" + esc(publicationId) + "</m:PublicationId>");
        to.forEach(box -> body.append(box.xml("Recipient")));
        body.append("<m:Important>").append(options.important()).append("</m:Important>")
                .append("<m:ReceiptReceived>").append(options.receiptReceived()).append("</m:ReceiptReceived>")
                .append("<m:ReceiptRead>").append(options.receiptRead()).append("</m:ReceiptRead>");
        options.patientSsin().ifPresent(ssin -> body.append("<m:PatientSsin>").append(esc(ssin)).append("</m:PatientSsin>"));
        options.inReplyTo().ifPresent(id -> body.append("<m:InReplyTo>").append(esc(id)).append("</m:InReplyTo>"));
        body.append("<m:Sealed>").append(b64(sealed)).append("</m:Sealed>");
        Document response = call("MailboxPublication", "SendMessage", body.toString());
        List<Absence> absent = new ArrayList<>();
        for (Element absence : all(response, "Absent")) {
            absent.add(new Absence(Box.of(child(absence, "Recipient")), Instant.parse(text(absence, "Until")),
                    children(absence, "Substitute").stream().map(Box::of).toList()));
        }
        Element root = response.getDocumentElement();
        return new Sent(text(root, "MessageId"), Boolean.parseBoolean(text(root, "Repeated")), absent);
    }

    /** getMessagesList (up to 100). */
    public List<MessageInfo> list(String folder) {
        Document response = call("MailboxConsultation", "GetMessagesList", "<m:Folder>" + esc(folder)
                + "</m:Folder><m:Offset>0</m:Offset><m:Limit>100</m:Limit>");
        return all(response, "Message").stream().map(MailboxClient::info).toList();
    }

    /**
     * getFullMessage, opened here (with the encryption key, or the authentication key for one's own sent
     * copy) and the sender verified; a received message is then reported read (SendReadReceipt).
     */
    public Received read(String messageId) {
        Document response = fullMessage(messageId);
        MessageInfo info = info(first(response, "Message"));
        byte[] sealed = Base64.getDecoder().decode(text(response.getDocumentElement(), "Sealed"));
        Unsealer.Unsealed opened;
        try {
            opened = Unsealer.unseal(sealed, encryption.privateKey(), encryption.certificate(), trust, Instant.now());
        } catch (SealException e) {
            if (e.reason() != SealException.Reason.NOT_A_RECIPIENT) {
                throw e;
            }
            opened = Unsealer.unseal(sealed, authentication.privateKey(), authentication.certificate(), trust, Instant.now());
        }
        CertificateIdentity sender = CertificateIdentity.parse(opened.sender().getSubjectX500Principal())
                .orElseThrow(() -> new MailboxException("CLIENT", "the sender's certificate names no care identity", null));
        String senderId = sender.kind() == CertificateIdentity.Kind.PERSON ? sender.ssin().value() : sender.nihii().base();
        if (!info.sender().id().equals(senderId)) {
            throw new MailboxException("CLIENT", "the letter was signed by someone other than its listed sender", null);
        }
        Letter letter = Letter.decode(opened.content());
        if (info.folder().equals("INBOX") || info.folder().equals("BININBOX")) {
            call("MailboxConsultation", "SendReadReceipt", "<m:MessageId>" + esc(messageId) + "</m:MessageId>");
        }
        return new Received(info, letter, sender);
    }

    /** getFullMessage's sealed bytes, not opened and not reported read. */
    public byte[] fetchSealed(String messageId) {
        return Base64.getDecoder().decode(text(fullMessage(messageId).getDocumentElement(), "Sealed"));
    }

    private Document fullMessage(String messageId) {
        return call("MailboxConsultation", "GetFullMessage", "<m:MessageId>" + esc(messageId) + "</m:MessageId>");
    }

    /** getMessageHistory: the conversation, oldest first, as far as this box holds it. */
    public List<MessageInfo> history(String messageId) {
        Document response = call("MailboxConsultation", "GetMessageHistory", "<m:MessageId>" + esc(messageId) + "</m:MessageId>");
        return all(response, "Message").stream().map(MailboxClient::info).toList();
    }

    /** getMessageAcknowledgmentsStatus, each time-stamp verified here against the trusted CA. */
    public List<Acknowledgment> acknowledgments(String messageId) {
        Document response = call("MailboxConsultation", "GetMessageAcknowledgmentsStatus",
                "<m:MessageId>" + esc(messageId) + "</m:MessageId>");
        List<Acknowledgment> acknowledgments = new ArrayList<>();
        for (Element ack : all(response, "Acknowledgment")) {
            String statement = text(ack, "Statement");
            Instant stamped = TimeStamps.verify(Base64.getDecoder().decode(text(ack, "TimeStamp")),
                    statement.getBytes(StandardCharsets.UTF_8), trust);
            acknowledgments.add(new Acknowledgment(Box.of(child(ack, "Recipient")), text(ack, "Kind"),
                    Instant.parse(text(ack, "At")), statement, stamped));
        }
        return acknowledgments;
    }

    public BoxInfo boxInfo() {
        Element root = call("MailboxConsultation", "GetBoxInfo", "").getDocumentElement();
        return new BoxInfo(Box.of(child(root, "Box")), Long.parseLong(text(root, "UsedBytes")),
                Long.parseLong(text(root, "QuotaBytes")), Long.parseLong(text(root, "Unread")), Long.parseLong(text(root, "Waiting")));
    }

    public void move(List<String> messageIds, String folder) {
        call("MailboxConsultation", "MoveMessage", ids(messageIds) + "<m:Folder>" + esc(folder) + "</m:Folder>");
    }

    public void delete(List<String> messageIds) {
        call("MailboxConsultation", "DeleteMessage", ids(messageIds));
    }

    // --- SOAP --------------------------------------------------------------------------------

    /** Signs and sends one request; returns the response element's document, or throws the hub's coded refusal. */
    private Document call(String service, String operation, String children) {
        String request = SoapSigner.sign(SoapSigner.envelope("<m:" + operation + "Request xmlns:m=\"" + NS + "\">" + children
                + "</m:" + operation + "Request>"), signing, SoapSigner.RSA_SHA256, timestamp -> { });
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(hub.resolve("/soap/" + service + "Service"))
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", "text/xml; charset=UTF-8")
                    .header("SOAPAction", "\"" + NS + ":" + operation + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MailboxException("CLIENT", "the hub cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxException("CLIENT", "interrupted", e);
        }
        Document document = SoapSigner.parse(response.body());
        NodeList faults = document.getElementsByTagNameNS(SoapSigner.SOAP_NS, "Fault");
        if (faults.getLength() > 0) {
            NodeList codes = document.getElementsByTagNameNS("urn:carevault:ws:common:v1", "Code");
            NodeList messages = document.getElementsByTagNameNS("urn:carevault:ws:common:v1", "Message");
            throw new MailboxException(codes.getLength() > 0 ? codes.item(0).getTextContent() : "CV-SYS-001",
                    messages.getLength() > 0 ? messages.item(0).getTextContent() : "fault", null);
        }
        Element answer = first(document, operation + "Response");
        Document result = SoapSigner.parse("<r/>");
        result.replaceChild(result.importNode(answer, true), result.getDocumentElement());
        return result;
    }

    private static MessageInfo info(Element message) {
        return new MessageInfo(text(message, "MessageId"), text(message, "PublicationId"), Box.of(child(message, "Sender")),
                children(message, "Recipient").stream().map(Box::of).toList(), Instant.parse(text(message, "SentAt")),
                Long.parseLong(text(message, "Size")), Boolean.parseBoolean(text(message, "Important")), text(message, "Folder"),
                Optional.ofNullable(text(message, "ReceivedAt")).map(Instant::parse),
                Optional.ofNullable(text(message, "ReadAt")).map(Instant::parse), Optional.ofNullable(text(message, "InReplyTo")));
    }

    private static String ids(List<String> messageIds) {
        StringBuilder xml = new StringBuilder();
        messageIds.forEach(id -> xml.append("<m:MessageId>").append(esc(id)).append("</m:MessageId>"));
        return xml.toString();
    }

    private static Element first(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(NS, localName);
        if (nodes.getLength() == 0) {
            throw new MailboxException("CLIENT", "the hub's answer has no " + localName, null);
        }
        return (Element) nodes.item(0);
    }

    private static List<Element> all(Document document, String localName) {
        return children(document.getDocumentElement(), localName);
    }

    /** Direct children with that local name. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        if (found.isEmpty()) {
            throw new MailboxException("CLIENT", "the hub's answer has no " + localName, null);
        }
        return found.get(0);
    }

    private static String text(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
