package org.carevault.interfaces.soap.ehbox;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of eHealthBox v3 (publication and consultation) the hub reads and writes, as JAXB classes. The
 * request and response elements are in the protocol namespaces; everything inside is unqualified, as the contract's
 * schemas say. Where publication and consultation differ only by an element (a document's {@code Digest}, the
 * receipt flags of the content specification), one class serves both and the element is left out where it does not
 * belong. Every {@code Encryptable…} field holds a seal (CMS) made by the sender's software: the hub checks who
 * sealed it and keeps it as it came.
 */
public final class EhBoxMessages {

    public static final String PUBLICATION = "urn:be:fgov:ehealth:ehbox:publication:protocol:v3";
    public static final String CONSULTATION = "urn:be:fgov:ehealth:ehbox:consultation:protocol:v3";
    public static final String ERRORS = "urn:be:fgov:ehealth:errors:soa:v1";

    private EhBoxMessages() {
    }

    /** {@code BoxIdType} and {@code EhboxIdentifierType}: who, by which identifier, in which quality. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"id", "type", "subType", "quality", "user"})
    public static class Box {
        @XmlElement(name = "Id", required = true)
        public String id;
        @XmlElement(name = "Type", required = true)
        public String type;
        @XmlElement(name = "SubType")
        public String subType;
        @XmlElement(name = "Quality", required = true)
        public String quality;
        @XmlElement(name = "User")
        public User user;

        public Box() {
        }

        public Box(String id, String type, String quality) {
            this.id = id;
            this.type = type;
            this.quality = quality;
        }
    }

    /** The person acting for an organisation's box (an SSIN with names); read, never written by the hub. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class User {
        @XmlValue
        public String ssin;
        @XmlAttribute(name = "FirstName")
        public String firstName;
        @XmlAttribute(name = "LastName")
        public String lastName;
    }

    /** A recipient as the sender names it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"oooProcessed"})
    public static class Destination extends Box {
        @XmlElement(name = "OoOProcessed")
        public Boolean oooProcessed;

        public Destination() {
        }

        public Destination(Box box) {
            super(box.id, box.type, box.quality);
        }
    }

    /** {@code SenderType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"id", "type", "subType", "quality", "name", "firstName"})
    public static class Sender {
        @XmlElement(name = "Id", required = true)
        public String id;
        @XmlElement(name = "Type", required = true)
        public String type;
        @XmlElement(name = "SubType")
        public String subType;
        @XmlElement(name = "Quality", required = true)
        public String quality;
        @XmlElement(name = "Name", required = true)
        public String name = "";
        @XmlElement(name = "FirstName")
        public String firstName;
    }

    /** A document or an annex: a title, the sealed content (inline, or a {@code cid:} attachment), file name, type. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"title", "encryptableTitle", "binaryContent", "textContent", "downloadFileName", "mimeType", "digest"})
    public static class Part {
        @XmlElement(name = "Title")
        public String title;
        @XmlElement(name = "EncryptableTitle")
        public byte[] encryptableTitle;
        @XmlElement(name = "EncryptableBinaryContent")
        public String binaryContent;
        @XmlElement(name = "EncryptableTextContent")
        public byte[] textContent;
        @XmlElement(name = "DownloadFileName", required = true)
        public String downloadFileName;
        @XmlElement(name = "MimeType", required = true)
        public String mimeType;
        @XmlElement(name = "Digest")
        public String digest;
    }

    /** {@code FreeInformationsType}: sealed free text, a table of sealed cells, or the old sealed form. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"freeText", "table", "old"})
    public static class FreeInformations {
        @XmlElement(name = "EncryptableFreeText")
        public byte[] freeText;
        @XmlElement(name = "Table")
        public Table table;
        @XmlElement(name = "EncryptableOldFreeInformation")
        public OldFreeInformation old;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Table {
        @XmlAttribute(name = "Title")
        public String title;
        @XmlElement(name = "Row", required = true)
        public List<Row> rows = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"left", "right"})
    public static class Row {
        @XmlElement(name = "EncryptableLeftCell", required = true)
        public byte[] left;
        @XmlElement(name = "EncryptableRightCell", required = true)
        public byte[] right;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class OldFreeInformation {
        @XmlValue
        public byte[] value;
        @XmlAttribute(name = "Render", required = true)
        public String render;
    }

    /** The content: the document, free information, the patient's sealed SSIN, annexes. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"document", "freeInformations", "patientSsin", "annexes"})
    public static class Content {
        @XmlElement(name = "Document", required = true)
        public Part document;
        @XmlElement(name = "FreeInformations")
        public FreeInformations freeInformations;
        @XmlElement(name = "EncryptableINSSPatient")
        public byte[] patientSsin;
        @XmlElement(name = "Annex")
        public List<Part> annexes = new ArrayList<>();
    }

    /** {@code ContentSpecificationType}; the receipt flags only on publication. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"applicationName", "contentType", "important", "encrypted", "publicationReceipt",
        "receivedReceipt", "readReceipt"})
    public static class Specification {
        @XmlElement(name = "ApplicationName")
        public String applicationName;
        @XmlElement(name = "ContentType", required = true)
        public String contentType = "DOCUMENT";
        @XmlElement(name = "IsImportant", required = true)
        public boolean important;
        @XmlElement(name = "IsEncrypted", required = true)
        public boolean encrypted;
        @XmlElement(name = "PublicationReceipt")
        public Boolean publicationReceipt;
        @XmlElement(name = "ReceivedReceipt")
        public Boolean receivedReceipt;
        @XmlElement(name = "ReadReceipt")
        public Boolean readReceipt;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"key", "value"})
    public static class CustomMeta {
        @XmlElement(name = "Key", required = true)
        public String key;
        @XmlElement(name = "Value", required = true)
        public String value;
    }

    /** What a message holds; kept by the hub as its envelope (the document's content apart, in the mailbox). */
    @XmlRootElement(name = "ContentContext")
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"content", "specification", "customMetas"})
    public static class ContentContext {
        @XmlElement(name = "Content", required = true)
        public Content content;
        @XmlElement(name = "ContentSpecification", required = true)
        public Specification specification;
        @XmlElement(name = "CustomMeta")
        public List<CustomMeta> customMetas = new ArrayList<>();
    }

    /** What the hub keeps of a message sent over this contract to list it: what the contract lists. */
    @XmlRootElement(name = "Summary")
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"info", "specification", "customMetas"})
    public static class Summary {
        @XmlElement(name = "ContentInfo", required = true)
        public ContentInfo info;
        @XmlElement(name = "ContentSpecification", required = true)
        public Specification specification;
        @XmlElement(name = "CustomMeta")
        public List<CustomMeta> customMetas = new ArrayList<>();
    }

    /** sendMessage. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"boxId", "destinations", "contentContext"})
    public static class SendMessageRequest {
        @XmlElement(name = "BoxId")
        public Box boxId;
        @XmlElement(name = "DestinationContext", required = true)
        public List<Destination> destinations = new ArrayList<>();
        @XmlElement(name = "ContentContext", required = true)
        public ContentContext contentContext;
        @XmlAttribute(name = "PublicationId")
        public String publicationId;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Message {
        @XmlValue
        public String value;
        @XmlAttribute(name = "Lang")
        public String lang;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"code", "messages"})
    public static class Status {
        @XmlElement(name = "Code", required = true)
        public String code;
        @XmlElement(name = "Message", required = true)
        public List<Message> messages = new ArrayList<>();
    }

    /** {@code ResponseType}: every answer starts with its status (code 100, success) and may carry an id. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlSeeAlso({SendMessageResponse.class, BoxInfoResponse.class, MessagesListResponse.class, FullMessageResponse.class,
        IdsResponse.class, AcknowledgmentsResponse.class, InsertOoOResponse.class, OoOIdsResponse.class, OoOListResponse.class})
    public static class Response {
        @XmlElement(name = "Status", required = true)
        public Status status = success();
        @XmlAttribute(name = "Id")
        public String id;

        private static Status success() {
            Status status = new Status();
            status.code = "100";
            Message message = new Message();
            message.value = "SUCCESS";
            message.lang = "EN";
            status.messages.add(message);
            return status;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"absentFrom", "absentTo", "substitutes"})
    public static class Recipient extends Box {
        @XmlElement(name = "AbsentFrom")
        public String absentFrom;
        @XmlElement(name = "AbsentTo")
        public String absentTo;
        @XmlElement(name = "Substitute")
        public List<Box> substitutes = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class SendMessageResponse extends Response {
        @XmlElement(name = "Recipient")
        public List<Recipient> recipients = new ArrayList<>();
        @XmlAttribute(name = "SentPublicationId")
        public String sentPublicationId;
    }

    /** The requests of consultation that name a box and a folder ({@code Source}), with their own elements. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"boxId", "source", "destination", "messageIds", "startIndex", "endIndex", "startDate", "endDate",
        "substitutes", "oooIds"})
    public static class ConsultationRequest {
        @XmlElement(name = "BoxId")
        public Box boxId;
        @XmlElement(name = "Source")
        public String source;
        @XmlElement(name = "Destination")
        public String destination;
        @XmlElement(name = "MessageId")
        public List<String> messageIds = new ArrayList<>();
        @XmlElement(name = "StartIndex")
        public Integer startIndex;
        @XmlElement(name = "EndIndex")
        public Integer endIndex;
        @XmlElement(name = "StartDate")
        public String startDate;
        @XmlElement(name = "EndDate")
        public String endDate;
        @XmlElement(name = "Substitute")
        public List<Box> substitutes = new ArrayList<>();
        @XmlElement(name = "OoOId")
        public List<String> oooIds = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"boxId", "standBy", "currentSize", "maxSize"})
    public static class BoxInfoResponse extends Response {
        @XmlElement(name = "BoxId")
        public Box boxId;
        @XmlElement(name = "NbrMessagesInStandBy")
        public int standBy;
        @XmlElement(name = "CurrentSize")
        public long currentSize;
        @XmlElement(name = "MaxSize")
        public long maxSize;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"publicationDate", "expirationDate", "size"})
    public static class MessageInfo {
        @XmlElement(name = "PublicationDate", required = true)
        public String publicationDate;
        @XmlElement(name = "ExpirationDate", required = true)
        public String expirationDate;
        @XmlElement(name = "Size", required = true)
        public String size;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patientSsin", "title", "mimeType", "hasFreeInformations", "hasAnnex"})
    public static class ContentInfo {
        @XmlElement(name = "EncryptableINSSPatient")
        public byte[] patientSsin;
        @XmlElement(name = "Title", required = true)
        public String title;
        @XmlElement(name = "MimeType", required = true)
        public String mimeType;
        @XmlElement(name = "HasFreeInformations")
        public boolean hasFreeInformations;
        @XmlElement(name = "HasAnnex")
        public boolean hasAnnex;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"messageId", "destination", "sender", "messageInfo", "contentInfo", "specification", "customMetas"})
    public static class Listed {
        @XmlElement(name = "MessageId", required = true)
        public String messageId;
        @XmlElement(name = "Destination", required = true)
        public Box destination;
        @XmlElement(name = "Sender", required = true)
        public Sender sender;
        @XmlElement(name = "MessageInfo", required = true)
        public MessageInfo messageInfo;
        @XmlElement(name = "ContentInfo")
        public ContentInfo contentInfo;
        @XmlElement(name = "ContentSpecification", required = true)
        public Specification specification;
        @XmlElement(name = "CustomMeta")
        public List<CustomMeta> customMetas = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"source", "messages"})
    public static class MessagesListResponse extends Response {
        @XmlElement(name = "Source")
        public String source;
        @XmlElement(name = "Message")
        public List<Listed> messages = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"publicationId", "destinations", "contentContext"})
    public static class ConsultationMessage {
        @XmlElement(name = "PublicationId")
        public String publicationId;
        @XmlElement(name = "DestinationContext", required = true)
        public List<Box> destinations = new ArrayList<>();
        @XmlElement(name = "ContentContext", required = true)
        public ContentContext contentContext;
        @XmlAttribute(name = "MessageId")
        public String messageId;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"sender", "message", "messageInfo"})
    public static class FullMessageResponse extends Response {
        @XmlElement(name = "Sender")
        public Sender sender;
        @XmlElement(name = "Message")
        public ConsultationMessage message;
        @XmlElement(name = "MessageInfo")
        public MessageInfo messageInfo;
    }

    /** The answers that list message ids (moveMessage, deleteMessage, getHistory). */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class IdsResponse extends Response {
        @XmlElement(name = "MessageId")
        public List<String> messageIds = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"recipient", "published", "received", "read"})
    public static class AcknowledgmentRow {
        @XmlElement(name = "Recipient", required = true)
        public Box recipient;
        @XmlElement(name = "Published")
        public String published;
        @XmlElement(name = "Received")
        public String received;
        @XmlElement(name = "Read")
        public String read;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class AcknowledgmentsStatus {
        @XmlElement(name = "Row", required = true)
        public List<AcknowledgmentRow> rows = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class AcknowledgmentsResponse extends Response {
        @XmlElement(name = "AcknowledgmentsStatus")
        public AcknowledgmentsStatus acknowledgments;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"absentFrom", "absentTo"})
    public static class Substitute extends Box {
        @XmlElement(name = "AbsentFrom")
        public String absentFrom;
        @XmlElement(name = "AbsentTo")
        public String absentTo;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class InsertOoOResponse extends Response {
        @XmlElement(name = "Substitute")
        public List<Substitute> substitutes = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class OoOIdsResponse extends Response {
        @XmlElement(name = "OoOId")
        public List<String> oooIds = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"oooId", "startDate", "endDate", "substitutes"})
    public static class OoO {
        @XmlElement(name = "OoOId", required = true)
        public String oooId;
        @XmlElement(name = "StartDate", required = true)
        public String startDate;
        @XmlElement(name = "EndDate", required = true)
        public String endDate;
        @XmlElement(name = "Substitute")
        public List<Box> substitutes = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class OoOListResponse extends Response {
        @XmlElement(name = "OoO")
        public List<OoO> list = new ArrayList<>();
    }

    /** The detail of a BusinessError or SystemError fault ({@code SOAErrorType}): the hub's code and its title. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"origin", "code", "messages", "retry", "environment"})
    public static class Fault {
        @XmlElement(name = "Origin", required = true)
        public String origin;
        @XmlElement(name = "Code", required = true)
        public String code;
        @XmlElement(name = "Message", required = true)
        public List<String> messages = new ArrayList<>();
        @XmlElement(name = "Retry")
        public Boolean retry;
        @XmlElement(name = "Environment", namespace = ERRORS, required = true)
        public String environment;
        @XmlAttribute(name = "Id")
        public String id;
    }
}
