package org.carevault.interfaces.soap.intrahub;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The messages of IntraHub v3 the hub reads and writes, as JAXB classes: each request is {@code <request>} (who asks,
 * when, {@code maxrows}, {@code breaktheglass}) and its selection or KMEHR; each response echoes the request in
 * {@code <response>}, then {@code <acknowledge>} ({@code iscomplete} and KMEHR {@code error}s), then its payload.
 * KMEHR content (authors, messages) is kept as DOM elements: the hub's KMEHR module reads it, hardened.
 */
public final class IntraHubMessages {

    public static final String PROTOCOL = "http://www.ehealth.fgov.be/hubservices/protocol/v3";
    public static final String CORE = "http://www.ehealth.fgov.be/hubservices/core/v3";
    public static final String KMEHR = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";

    private IntraHubMessages() {
    }

    /** A KMEHR identifier or code: its scheme ({@code S}), scheme version, local scheme name and value. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Coded {
        @XmlAttribute(name = "S")
        public String s;
        @XmlAttribute(name = "SV")
        public String sv;
        @XmlAttribute(name = "SL")
        public String sl;
        @XmlValue
        public String value;

        public Coded() {
        }

        public Coded(String s, String sv, String value) {
            this.s = s;
            this.sv = sv;
            this.value = value;
        }
    }

    /** Text in a language ({@code L}). */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Text {
        @XmlAttribute(name = "L")
        public String language;
        @XmlValue
        public String value;
    }

    /** A KMEHR {@code authorType}: its {@code hcparty}s, kept as they came. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Author {
        @XmlAnyElement
        public List<Element> parties = new ArrayList<>();
    }

    /** {@code RequestType} (and {@code RequestListType}: its {@code paginationinfo} kept among {@code more}). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"id", "author", "date", "time", "maxrows", "breaktheglass", "more"})
    public static class Request {
        public Coded id;
        public Author author;
        public String date;
        public String time;
        public BigDecimal maxrows;
        public String breaktheglass;
        @XmlAnyElement
        public List<Element> more = new ArrayList<>();
    }

    /** {@code ResponseType}: the hub's message id, the hub as author, when, and the request echoed. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"id", "author", "date", "time", "request"})
    public static class Response {
        public Coded id;
        public Author author;
        public String date;
        public String time;
        public Request request;
    }

    /** A KMEHR {@code errorType}: codes and a description. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"cd", "description"})
    public static class Error {
        @XmlElement(namespace = KMEHR)
        public List<Coded> cd = new ArrayList<>();
        @XmlElement(namespace = KMEHR)
        public Text description;
    }

    /** {@code AcknowledgeType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"iscomplete", "error"})
    public static class Acknowledge {
        public boolean iscomplete;
        public List<Error> error = new ArrayList<>();
    }

    /** {@code PatientIdType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Patient {
        public List<Coded> id = new ArrayList<>();
    }

    /** {@code TransactionIdType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class TransactionIds {
        public List<Coded> id = new ArrayList<>();
    }

    /** {@code transactionBaseType}: which transaction (its id — optional here, see docs/interop.md — and type). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"id", "cd", "author"})
    public static class TransactionSelection {
        public List<Coded> id = new ArrayList<>();
        public List<Coded> cd = new ArrayList<>();
        public Author author;
    }

    /** {@code SelectGetTransactionType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "transaction"})
    public static class TransactionSelect {
        public Patient patient;
        public TransactionSelection transaction;
    }

    /** A {@code criteria} of {@code SelectGetLatestUpdateType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "cd"})
    public static class Criteria {
        public Patient patient;
        public List<Coded> cd = new ArrayList<>();
    }

    /** {@code SelectGetLatestUpdateType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class LatestUpdateSelect {
        public List<Criteria> criteria = new ArrayList<>();
    }

    /** A {@code latestupdate} of {@code LatestUpdateListType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "cd", "version", "updatedatetime"})
    public static class LatestUpdate {
        public Patient patient;
        public Coded cd;
        public String version;
        public String updatedatetime;
    }

    /** {@code LatestUpdateListType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class LatestUpdateList {
        public List<LatestUpdate> latestupdate = new ArrayList<>();
    }

    /** What every response begins with. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"response", "acknowledge"})
    public static class Answer {
        public Response response;
        public Acknowledge acknowledge;
    }

    /** What every request begins with. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"request"})
    public static class Asked {
        public Request request;
    }

    @XmlRootElement(name = "PutTransactionSetRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"kmehrmessage"})
    public static class PutTransactionSetRequest extends Asked {
        /** The {@code core:kmehrmessage} element. */
        @XmlAnyElement
        public Element kmehrmessage;
    }

    @XmlRootElement(name = "PutTransactionSetResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"transaction"})
    public static class PutTransactionSetResponse extends Answer {
        public List<TransactionIds> transaction = new ArrayList<>();
    }

    @XmlRootElement(name = "GetTransactionSetRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"select"})
    public static class GetTransactionSetRequest extends Asked {
        public TransactionSelect select;
    }

    @XmlRootElement(name = "GetTransactionSetResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"kmehrmessage"})
    public static class GetTransactionSetResponse extends Answer {
        @XmlAnyElement
        public Element kmehrmessage;
    }

    @XmlRootElement(name = "GetLatestUpdateRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"select"})
    public static class GetLatestUpdateRequest extends Asked {
        public LatestUpdateSelect select;
    }

    @XmlRootElement(name = "GetLatestUpdateResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"latestupdatelist"})
    public static class GetLatestUpdateResponse extends Answer {
        public LatestUpdateList latestupdatelist = new LatestUpdateList();
    }

    @XmlRootElement(name = "PutTransactionRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"kmehrmessage"})
    public static class PutTransactionRequest extends Asked {
        /** The {@code core:kmehrmessage} element. */
        @XmlAnyElement
        public Element kmehrmessage;
    }

    @XmlRootElement(name = "PutTransactionResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"transaction"})
    public static class PutTransactionResponse extends Answer {
        public TransactionIds transaction;
    }

    /** {@code transactionWithPeriodType}: which types, by whom, when. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"cd", "author", "begindate", "enddate"})
    public static class TransactionPeriod {
        public List<Coded> cd = new ArrayList<>();
        public Author author;
        public String begindate;
        public String enddate;
    }

    /** {@code SelectGetTransactionListType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "transaction", "searchtype"})
    public static class TransactionListSelect {
        public Patient patient;
        public TransactionPeriod transaction;
        public String searchtype;
    }

    @XmlRootElement(name = "GetTransactionListRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"select"})
    public static class GetTransactionListRequest extends Asked {
        public TransactionListSelect select;
    }

    /**
     * A KMEHR {@code personType} as the hub can write it outside the documents: the ids, names left empty and the sex
     * {@code unknown} (the hub keeps no names beside the sealed documents; the schema requires the elements).
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"id", "firstname", "familyname", "sex"})
    public static class Person {
        @XmlElement(namespace = KMEHR)
        public List<Coded> id = new ArrayList<>();
        @XmlElement(namespace = KMEHR)
        public String firstname = "";
        @XmlElement(namespace = KMEHR)
        public String familyname = "";
        @XmlElement(namespace = KMEHR)
        public Sex sex = new Sex();
    }

    /** A KMEHR {@code sexType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Sex {
        @XmlElement(namespace = KMEHR)
        public Coded cd = new Coded("CD-SEX", "1.0", "unknown");
    }

    /** {@code TransactionSummaryType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"id", "cd", "date", "time", "author", "iscomplete", "isvalidated", "recorddatetime"})
    public static class TransactionSummary {
        public List<Coded> id = new ArrayList<>();
        public List<Coded> cd = new ArrayList<>();
        public String date;
        public String time;
        public Author author;
        public boolean iscomplete;
        public boolean isvalidated;
        public String recorddatetime;
    }

    /** {@code folderTypeUnbounded}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "transaction"})
    public static class Folder {
        public Person patient;
        public List<TransactionSummary> transaction = new ArrayList<>();
    }

    /** {@code KmehrHeaderGetTransactionListType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class KmehrHeader {
        public Folder folder;
    }

    @XmlRootElement(name = "GetTransactionListResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"kmehrheader"})
    public static class GetTransactionListResponse extends Answer {
        public KmehrHeader kmehrheader;
    }

    @XmlRootElement(name = "GetTransactionRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"select"})
    public static class GetTransactionRequest extends Asked {
        public TransactionSelect select;
    }

    @XmlRootElement(name = "GetTransactionResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"kmehrmessage"})
    public static class GetTransactionResponse extends Answer {
        @XmlAnyElement
        public Element kmehrmessage;
    }

    @XmlRootElement(name = "RevokeTransactionRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"select"})
    public static class RevokeTransactionRequest extends Asked {
        public TransactionSelect select;
    }

    /**
     * A proof of the patient's presence ({@code cd} of {@code CD-PROOFTYPE}), as eHealth's consent and therapeutic link
     * services carry it. IntraHub 3.5 has no such element; the hub reads it where a client adds it (docs/interop.md).
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Proof {
        public Coded cd;
    }

    /** {@code ConsentType} (and the proof the hub asks for). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "cd", "signdate", "revokedate", "author", "proof"})
    public static class Consent {
        public Patient patient;
        public List<Coded> cd = new ArrayList<>();
        public String signdate;
        public String revokedate;
        public Author author;
        public List<Proof> proof = new ArrayList<>();
    }

    @XmlRootElement(name = "PutPatientConsentRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"consent"})
    public static class PutPatientConsentRequest extends Asked {
        public Consent consent;
    }

    @XmlRootElement(name = "RevokePatientConsentRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"consent"})
    public static class RevokePatientConsentRequest extends Asked {
        public Consent consent;
    }

    /** The {@code consent} of {@code SelectGetPatientConsentType}: which types. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class ConsentTypes {
        public List<Coded> cd = new ArrayList<>();
    }

    /** {@code SelectGetPatientConsentType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "consent"})
    public static class ConsentSelect {
        public Patient patient;
        public ConsentTypes consent;
    }

    @XmlRootElement(name = "GetPatientConsentRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"select"})
    public static class GetPatientConsentRequest extends Asked {
        public ConsentSelect select;
    }

    @XmlRootElement(name = "GetPatientConsentResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"consent"})
    public static class GetPatientConsentResponse extends Answer {
        public Consent consent;
    }

    /** {@code HCPartyIdType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class HcpartyIds {
        public List<Coded> id = new ArrayList<>();
    }

    /** {@code TherapeuticLinkType} (and the proof the hub asks for). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "hcparty", "cd", "startdate", "enddate", "comment", "proof"})
    public static class Link {
        public Patient patient;
        public HcpartyIds hcparty;
        public Coded cd;
        public String startdate;
        public String enddate;
        public String comment;
        public List<Proof> proof = new ArrayList<>();
    }

    @XmlRootElement(name = "PutTherapeuticLinkRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"therapeuticlink"})
    public static class PutTherapeuticLinkRequest extends Asked {
        public Link therapeuticlink;
    }

    @XmlRootElement(name = "RevokeTherapeuticLinkRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"therapeuticlink"})
    public static class RevokeTherapeuticLinkRequest extends Asked {
        public Link therapeuticlink;
    }

    /** {@code SelectGetHCPartyPatientConsentType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "hcparty", "cd", "begindate", "enddate"})
    public static class LinkSelect {
        public Patient patient;
        public HcpartyIds hcparty;
        public List<Coded> cd = new ArrayList<>();
        public String begindate;
        public String enddate;
    }

    @XmlRootElement(name = "GetTherapeuticLinkRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"select"})
    public static class GetTherapeuticLinkRequest extends Asked {
        public LinkSelect select;
    }

    /** {@code TherapeuticLinkListType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class LinkList {
        public List<Link> therapeuticlink = new ArrayList<>();
    }

    @XmlRootElement(name = "GetTherapeuticLinkResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"therapeuticlinklist"})
    public static class GetTherapeuticLinkResponse extends Answer {
        public LinkList therapeuticlinklist;
    }

    /** {@code SelectGetPatientAuditTrailType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "transaction", "hcparty", "begindate", "enddate", "searchtype", "breaktheglass"})
    public static class AuditTrailSelect {
        public Patient patient;
        public TransactionSelection transaction;
        public HcpartyIds hcparty;
        public String begindate;
        public String enddate;
        public String searchtype;
        public String breaktheglass;
    }

    @XmlRootElement(name = "GetPatientAuditTrailRequest", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"select"})
    public static class GetPatientAuditTrailRequest extends Asked {
        public AuditTrailSelect select;
    }

    /** A {@code transactionaccess}: who (KMEHR {@code hcparty}s), when, and the break-the-glass reason if any. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"patient", "hcparty", "accessdatetime", "breaktheglass"})
    public static class TransactionAccess {
        public Patient patient;
        @XmlAnyElement
        public List<Element> hcparty = new ArrayList<>();
        public String accessdatetime;
        public String breaktheglass;
    }

    /** {@code TransactionAccessListType}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class TransactionAccessList {
        public List<TransactionAccess> transactionaccess = new ArrayList<>();
    }

    @XmlRootElement(name = "GetPatientAuditTrailResponse", namespace = PROTOCOL)
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"transactionaccesslist"})
    public static class GetPatientAuditTrailResponse extends Answer {
        public TransactionAccessList transactionaccesslist;
    }

    /** Any request of the contract, read for its {@code <request>} only (the operations the hub does not offer). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"rest"})
    public static class AnyRequest extends Asked {
        @XmlAnyElement
        public List<Element> rest = new ArrayList<>();
    }
}
