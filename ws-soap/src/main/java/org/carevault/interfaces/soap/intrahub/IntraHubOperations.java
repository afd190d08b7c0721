package org.carevault.interfaces.soap.intrahub;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.access.PatientDirectory;
import org.carevault.application.vault.MedicationSchemeService;
import org.carevault.application.vault.PushedDocuments;
import org.carevault.application.vault.PushedDocumentService;
import org.carevault.application.vault.SumehrService;
import org.carevault.application.vault.VaccinationService;
import org.carevault.application.audit.AuditEntry;
import org.carevault.application.trail.AuditTrailService;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetPatientAuditTrailRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetPatientAuditTrailResponse;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.consent.PatientRef;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Acknowledge;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.AnyRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Answer;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Asked;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Author;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Coded;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Criteria;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTransactionListRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTransactionListResponse;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTransactionRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTransactionResponse;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.PutTransactionRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.PutTransactionResponse;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.RevokeTransactionRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetLatestUpdateRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetLatestUpdateResponse;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTransactionSetRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTransactionSetResponse;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.LatestUpdate;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Patient;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.PutTransactionSetRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.PutTransactionSetResponse;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Response;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.TransactionIds;
import org.carevault.application.mailbox.HubEncryption;
import org.carevault.kmehr.SchemeDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The IntraHub operations of one caller, mapped onto the hub's services. Each answer echoes the request and
 * acknowledges it: {@code iscomplete=true} when done, else {@code false} with a KMEHR error carrying the hub's code
 * ({@code CD-ERROR}) and its title — the same codes as every other interface, nothing of the hub's internals.
 */
final class IntraHubOperations {

    static final String MEDICATION_SCHEME = SchemeDocument.SCHEME;
    static final String SUMEHR = "sumehr";
    /** The local id scheme name of the hub's ids ({@code S="LOCAL" SL="carevault"}). */
    static final String VAULT = SchemeDocument.VAULT_ID_LABEL;
    static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");

    private final Caller caller;
    private final PatientDirectory directory;
    private final MedicationSchemeService schemes;
    /** The kinds of document pushed one transaction at a time: Sumehrs, vaccinations. */
    private final List<PushedDocumentService> documents;
    private final AuditTrailService trails;
    private final HubEncryption hub;

    IntraHubOperations(Caller caller, PatientDirectory directory, MedicationSchemeService schemes, SumehrService sumehrs,
            VaccinationService vaccinations, AuditTrailService trails, HubEncryption hub) {
        this.caller = caller;
        this.directory = directory;
        this.schemes = schemes;
        this.documents = List.of(sumehrs, vaccinations);
        this.trails = trails;
        this.hub = hub;
    }

    /**
     * PutTransactionSet: the medication scheme, inline KMEHR. The patient is the message's ({@code folder/patient},
     * {@code ID-PATIENT}); the {@code version} of its medicationscheme transaction is the version the write is based on
     * (Vitalink's meaning: the version last read; see {@link MedicationSchemeService#putStatedInKmehr}). Answers the ids
     * of the stored transactions, each with its vault id ({@code S="LOCAL" SL="carevault"}).
     */
    PutTransactionSetResponse putTransactionSet(PutTransactionSetRequest request) {
        PutTransactionSetResponse answer = answer(new PutTransactionSetResponse(), request);
        return perform(answer, () -> {
            Element message = kmehrMessage(request.kmehrmessage);
            Element folder = KmehrDom.child(message, "folder")
                    .orElseThrow(() -> new CareVaultException(ErrorCode.KMEHR_INVALID, "The message has no folder"));
            PatientRef patient = directory.resolve(caller, patientOf(folder));
            MedicationSchemeService.SchemeView view = schemes.putStatedInKmehr(caller, patient,
                    KmehrDom.standalone(message), glass(request));
            Element stored = KmehrDom.embedded(view.kmehr());
            for (Element transaction : KmehrDom.children(KmehrDom.child(stored, "folder").orElseThrow(), "transaction")) {
                TransactionIds ids = new TransactionIds();
                for (Element id : KmehrDom.children(transaction, "id")) {
                    Coded coded = new Coded(id.getAttribute("S"), id.getAttribute("SV"), id.getTextContent().trim());
                    coded.sl = id.hasAttribute("SL") ? id.getAttribute("SL") : null;
                    ids.id.add(coded);
                }
                answer.transaction.add(ids);
            }
        });
    }

    /** GetTransactionSet: the patient's current medication scheme, or none (complete, without a kmehrmessage). */
    GetTransactionSetResponse getTransactionSet(GetTransactionSetRequest request) {
        GetTransactionSetResponse answer = answer(new GetTransactionSetResponse(), request);
        return perform(answer, () -> {
            if (request.select == null) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The request selects nothing");
            }
            if (request.select.transaction != null && !request.select.transaction.cd.isEmpty()
                    && request.select.transaction.cd.stream().noneMatch(cd -> MEDICATION_SCHEME.equals(trim(cd.value)))) {
                throw new CareVaultException(ErrorCode.OPERATION_NOT_SUPPORTED,
                        "The medication scheme is the only transaction set of this hub");
            }
            PatientRef patient = directory.resolve(caller, ssinOf(request.select.patient));
            schemes.current(caller, patient, glass(request))
                    .ifPresent(view -> answer.kmehrmessage = KmehrDom.embedded(view.kmehr()));
        });
    }

    /** GetLatestUpdate: for each patient asked, the medication scheme's version and time, when it has one. */
    GetLatestUpdateResponse getLatestUpdate(GetLatestUpdateRequest request) {
        GetLatestUpdateResponse answer = answer(new GetLatestUpdateResponse(), request);
        return perform(answer, () -> {
            if (request.select == null || request.select.criteria.isEmpty()) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The request selects nothing");
            }
            for (Criteria criteria : request.select.criteria) {
                if (criteria.cd.stream().anyMatch(cd -> !MEDICATION_SCHEME.equals(trim(cd.value)))) {
                    throw new CareVaultException(ErrorCode.OPERATION_NOT_SUPPORTED,
                            "The latest update is kept for the medication scheme only");
                }
                String ssin = ssinOf(criteria.patient);
                PatientRef patient = directory.resolve(caller, ssin);
                schemes.latestUpdate(caller, patient, glass(request)).ifPresent(latest -> {
                    LatestUpdate update = new LatestUpdate();
                    update.patient = new Patient();
                    update.patient.id.add(new Coded("ID-PATIENT", "1.0", ssin));
                    update.cd = new Coded("CD-TRANSACTION", "1.0", MEDICATION_SCHEME);
                    update.version = Long.toString(latest.version());
                    update.updatedatetime = latest.updatedAt().truncatedTo(ChronoUnit.SECONDS).atZone(BELGIUM)
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    answer.latestupdatelist.latestupdate.add(update);
                });
            }
        });
    }

    /**
     * PutTransaction: one Sumehr, inline KMEHR, the patient the message's. Answers the transaction's ids: the KMEHR id
     * it was sent with and the hub's ({@code S="LOCAL" SL="carevault"}), by which it is read and revoked.
     */
    PutTransactionResponse putTransaction(PutTransactionRequest request) {
        PutTransactionResponse answer = answer(new PutTransactionResponse(), request);
        return perform(answer, () -> {
            Element message = kmehrMessage(request.kmehrmessage);
            Element folder = KmehrDom.child(message, "folder")
                    .orElseThrow(() -> new CareVaultException(ErrorCode.KMEHR_INVALID, "The message has no folder"));
            List<Element> transactions = KmehrDom.children(folder, "transaction");
            if (transactions.size() != 1) {
                throw new CareVaultException(ErrorCode.OPERATION_NOT_SUPPORTED,
                        "PutTransaction takes one sumehr or vaccination transaction here (the medication scheme: PutTransactionSet)");
            }
            PushedDocumentService service = kind(KmehrDom.coded(transactions.get(0), "cd", "CD-TRANSACTION"));
            PatientRef patient = directory.resolve(caller, patientOf(folder));
            PushedDocuments.Entry entry = service.put(caller, patient, KmehrDom.standalone(message), glass(request));
            answer.transaction = new TransactionIds();
            KmehrDom.coded(transactions.get(0), "id", "ID-KMEHR")
                    .ifPresent(id -> answer.transaction.id.add(new Coded("ID-KMEHR", "1.0", id)));
            answer.transaction.id.add(vaultId(entry.id().toString()));
        });
    }

    /**
     * GetTransactionList: the patient's Sumehrs in force (revoked ones are left out of the list; GetTransaction still
     * reads them), newest first, at most {@code maxrows} — a list cut short is not complete ({@code iscomplete=false},
     * no error).
     */
    GetTransactionListResponse getTransactionList(GetTransactionListRequest request) {
        GetTransactionListResponse answer = answer(new GetTransactionListResponse(), request);
        GetTransactionListResponse done = perform(answer, () -> {
            if (request.select == null) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The request selects nothing");
            }
            PushedDocumentService service = kind(request.select.transaction == null ? List.<Coded>of()
                    : request.select.transaction.cd);
            String ssin = ssinOf(request.select.patient);
            PatientRef patient = directory.resolve(caller, ssin);
            List<PushedDocuments.Entry> entries = service.list(caller, patient, glass(request)).stream()
                    .filter(entry -> !"REVOKED".equals(entry.status()))
                    .sorted(Comparator.comparing(PushedDocuments.Entry::submittedAt).reversed()).toList();
            int rows = maxrows(request);
            if (!entries.isEmpty()) {
                IntraHubMessages.Folder folder = new IntraHubMessages.Folder();
                folder.patient = new IntraHubMessages.Person();
                folder.patient.id.add(new Coded("ID-PATIENT", "1.0", ssin));
                entries.stream().limit(rows).forEach(entry -> folder.transaction.add(summary(entry, service.kind())));
                answer.kmehrheader = new IntraHubMessages.KmehrHeader();
                answer.kmehrheader.folder = folder;
            }
            if (entries.size() > rows) {
                throw new CutShort();
            }
        });
        return done;
    }

    /** GetTransaction: one Sumehr by the hub's id, exactly as it was pushed. */
    GetTransactionResponse getTransaction(GetTransactionRequest request) {
        GetTransactionResponse answer = answer(new GetTransactionResponse(), request);
        return perform(answer, () -> {
            PatientRef patient = directory.resolve(caller, ssinOf(selected(request.select).patient));
            answer.kmehrmessage = KmehrDom.embedded(kind(request.select.transaction).get(caller, patient,
                    vaultIdOf(request.select), glass(request)));
        });
    }

    /** RevokeTransaction: one Sumehr by the hub's id, by its author only. */
    Answer revokeTransaction(RevokeTransactionRequest request) {
        Answer answer = answer(new Answer(), request);
        return perform(answer, () -> {
            PatientRef patient = directory.resolve(caller, ssinOf(selected(request.select).patient));
            kind(request.select.transaction).revoke(caller, patient, vaultIdOf(request.select), glass(request));
        });
    }

    /**
     * GetPatientAuditTrail: who accessed the patient's data, newest first, between {@code begindate} and
     * {@code enddate}, at most {@code maxrows}. The trail is the patient's: the access matrix lets the patient and the
     * operator read it, so a care provider asking is refused ({@code CV-AUTH-004}) by the same decision — and the
     * refusal is in the trail.
     */
    GetPatientAuditTrailResponse getPatientAuditTrail(GetPatientAuditTrailRequest request) {
        GetPatientAuditTrailResponse answer = answer(new GetPatientAuditTrailResponse(), request);
        return perform(answer, () -> {
            if (request.select == null || request.select.patient == null) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Select the patient");
            }
            String ssin = ssinOf(request.select.patient);
            PatientRef patient = directory.resolve(caller, ssin);
            int rows = maxrows(request);
            int page = Math.min(rows, AuditTrailService.MAX_PAGE - 1);
            List<AuditEntry> fetched = trails.trail(caller, patient, day(request.select.begindate, 0),
                    day(request.select.enddate, 1), Optional.empty(), false, Optional.empty(), 0, page + 1);
            List<AuditEntry> entries = fetched.subList(0, Math.min(page, fetched.size()));
            answer.transactionaccesslist = new IntraHubMessages.TransactionAccessList();
            for (AuditEntry entry : entries) {
                IntraHubMessages.TransactionAccess access = new IntraHubMessages.TransactionAccess();
                access.patient = new Patient();
                access.patient.id.add(new Coded("ID-PATIENT", "1.0", ssin));
                entry.caller().ifPresent(party -> access.hcparty.addAll(
                        party(party.type(), party.value(), entry.callerRole()).parties));
                access.accessdatetime = entry.occurredAt().truncatedTo(ChronoUnit.SECONDS).atZone(BELGIUM)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                access.breaktheglass = entry.breakTheGlassReason().orElse(null);
                answer.transactionaccesslist.transactionaccess.add(access);
            }
            if (fetched.size() > page) {
                throw new CutShort();
            }
        });
    }

    /** The start of a day in Belgium ({@code plusDays} 1: of the next day, an exclusive end), if given. */
    private static Optional<Instant> day(String date, int plusDays) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date.trim()).plusDays(plusDays).atStartOfDay(BELGIUM).toInstant());
        } catch (DateTimeParseException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A date is YYYY-MM-DD");
        }
    }

    /** An operation of the contract the hub does not offer: answered, never a crash. */
    Answer notSupported(AnyRequest request) {
        return refused(answer(new Answer(), request),
                new CareVaultException(ErrorCode.OPERATION_NOT_SUPPORTED));
    }

    /** A list longer than {@code maxrows}: answered cut short, not complete. */
    static final class CutShort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CutShort() {
            super(null, null, false, false);
        }
    }

    /**
     * The request's kmehrmessage, its folders in clear: inline as sent, or — {@code Base64EncryptedData} with
     * {@code CD-ENCRYPTION-METHOD} CMS — opened from a seal to the hub's encryption token made by the caller
     * ({@link HubEncryption#open}). The seal holds the folder, or a whole kmehrmessage whose folders are taken.
     */
    private Element kmehrMessage(Element message) {
        if (message == null || !IntraHubMessages.CORE.equals(message.getNamespaceURI())
                || !"kmehrmessage".equals(message.getLocalName())) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, "The request holds no kmehrmessage");
        }
        List<Element> sealed = KmehrDom.children(message, "Base64EncryptedData");
        if (sealed.isEmpty()) {
            return message;
        }
        Element encrypted = sealed.get(0);
        if (sealed.size() > 1 || !KmehrDom.children(message, "folder").isEmpty()
                || !KmehrDom.coded(encrypted, "cd", "CD-ENCRYPTION-METHOD").map("CMS"::equalsIgnoreCase).orElse(false)) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, "Sealed KMEHR is one Base64EncryptedData, method CMS");
        }
        byte[] seal;
        try {
            seal = Base64.getMimeDecoder().decode(KmehrDom.child(encrypted, "Base64EncryptedValue")
                    .map(Element::getTextContent).orElse("").trim());
        } catch (IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.SEALED_CONTENT_INVALID);
        }
        Element content = KmehrDom.parse(hub.open(caller, seal).content()).getDocumentElement();
        if (!IntraHubMessages.KMEHR.equals(content.getNamespaceURI())) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, "The seal holds no KMEHR folder");
        }
        List<Element> folders = switch (content.getLocalName()) {
            case "folder" -> List.of(content);
            case "kmehrmessage" -> KmehrDom.children(content, "folder");
            default -> List.of();
        };
        if (folders.isEmpty()) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID, "The seal holds no KMEHR folder");
        }
        Element opened = (Element) message.cloneNode(true);
        Element placeholder = KmehrDom.children(opened, "Base64EncryptedData").get(0);
        for (Element folder : folders) {
            opened.insertBefore(opened.getOwnerDocument().importNode(folder, true), placeholder);
        }
        opened.removeChild(placeholder);
        return opened;
    }

    private static String patientOf(Element folder) {
        return KmehrDom.child(folder, "patient").flatMap(p -> KmehrDom.coded(p, "id", "ID-PATIENT")
                        .or(() -> KmehrDom.coded(p, "id", "INSS")))
                .orElseThrow(() -> new CareVaultException(ErrorCode.KMEHR_INVALID, "The folder names no patient"));
    }

    /** The service of the selected kind of transaction ({@code CD-TRANSACTION}); a Sumehr when none is named. */
    private PushedDocumentService kind(IntraHubMessages.TransactionSelection transaction) {
        return kind(transaction == null ? List.<Coded>of() : transaction.cd);
    }

    private PushedDocumentService kind(List<Coded> codes) {
        return kind(codes.stream().filter(cd -> "CD-TRANSACTION".equals(cd.s)).map(cd -> trim(cd.value)).findFirst());
    }

    private PushedDocumentService kind(Optional<String> transactionType) {
        String wanted = transactionType.orElse(SUMEHR);
        return documents.stream().filter(service -> service.kind().equals(wanted)).findFirst()
                .orElseThrow(() -> new CareVaultException(ErrorCode.OPERATION_NOT_SUPPORTED,
                        "This hub keeps sumehr and vaccination transactions here (the medication scheme: the TransactionSet operations)"));
    }

    private static IntraHubMessages.TransactionSelect selected(IntraHubMessages.TransactionSelect select) {
        if (select == null || select.transaction == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The request selects no transaction");
        }
        return select;
    }

    /** The hub's id of the selected transaction ({@code S="LOCAL" SL="carevault"}). */
    private static UUID vaultIdOf(IntraHubMessages.TransactionSelect select) {
        String id = selected(select).transaction.id.stream()
                .filter(coded -> "LOCAL".equals(coded.s) && VAULT.equals(coded.sl)).map(coded -> trim(coded.value))
                .findFirst().orElseThrow(() -> new CareVaultException(ErrorCode.REQUEST_INVALID,
                        "Select the transaction by the hub's id (S=\"LOCAL\" SL=\"carevault\")"));
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
    }

    private static Coded vaultId(String id) {
        Coded coded = new Coded("LOCAL", "1.0", id);
        coded.sl = VAULT;
        return coded;
    }

    static int maxrows(Asked request) {
        BigDecimal maxrows = request.request.maxrows;
        if (maxrows == null) {
            return Integer.MAX_VALUE;
        }
        if (maxrows.signum() <= 0 || maxrows.stripTrailingZeros().scale() > 0) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "maxrows is a positive whole number");
        }
        return maxrows.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /** A Sumehr as a list line: the hub's id, the type, when, by whom. */
    private static IntraHubMessages.TransactionSummary summary(PushedDocuments.Entry entry, String kind) {
        IntraHubMessages.TransactionSummary summary = new IntraHubMessages.TransactionSummary();
        summary.id.add(vaultId(entry.id().toString()));
        summary.cd.add(new Coded("CD-TRANSACTION", "1.0", kind));
        ZonedDateTime at = entry.submittedAt().truncatedTo(ChronoUnit.SECONDS).atZone(BELGIUM);
        summary.date = at.format(DateTimeFormatter.ISO_LOCAL_DATE);
        summary.time = at.format(DateTimeFormatter.ISO_LOCAL_TIME);
        summary.author = party(entry.authorType(), entry.authorId(), entry.authorRole());
        summary.iscomplete = true;
        summary.isvalidated = true;
        summary.recorddatetime = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return summary;
    }

    /** A care party as a KMEHR author: its id (INSS for a person, ID-HCPARTY for an organisation) and quality. */
    static Author party(String idType, String id, String role) {
        Document document = KmehrDom.newDocument();
        Element party = document.createElementNS(IntraHubMessages.KMEHR, "kmehr:hcparty");
        Element identifier = document.createElementNS(IntraHubMessages.KMEHR, "kmehr:id");
        identifier.setAttribute("S", "SSIN".equals(idType) ? "INSS" : "ID-HCPARTY");
        identifier.setAttribute("SV", "1.0");
        identifier.setTextContent(id);
        party.appendChild(identifier);
        Element cd = document.createElementNS(IntraHubMessages.KMEHR, "kmehr:cd");
        cd.setAttribute("S", "CD-HCPARTY");
        cd.setAttribute("SV", "1.1");
        cd.setTextContent(switch (role) {
            case "PHYSICIAN" -> "persphysician";
            case "PHARMACIST" -> "perspharmacist";
            case "NURSE" -> "persnurse";
            case "HOSPITAL" -> "orghospital";
            default -> "application";
        });
        party.appendChild(cd);
        Author author = new Author();
        author.parties.add(party);
        return author;
    }

    static <A extends Answer> A perform(A answer, Runnable work) {
        try {
            work.run();
            answer.acknowledge.iscomplete = true;
            return answer;
        } catch (CutShort e) {
            answer.acknowledge.iscomplete = false;
            return answer;
        } catch (CareVaultException e) {
            return refused(answer, e);
        }
    }

    static <A extends Answer> A refused(A answer, CareVaultException e) {
        answer.acknowledge.iscomplete = false;
        IntraHubMessages.Error error = new IntraHubMessages.Error();
        error.cd.add(new Coded("CD-ERROR", "1.0", e.errorCode().code()));
        error.description = new IntraHubMessages.Text();
        error.description.language = "en";
        error.description.value = e.detail() == null ? e.errorCode().title() : e.errorCode().title() + ": " + e.detail();
        answer.acknowledge.error.add(error);
        return answer;
    }

    /** The response header: the hub's message id, the hub as author, now, and the request as it came. */
    static <A extends Answer> A answer(A answer, Asked request) {
        ZonedDateTime now = Instant.now().atZone(BELGIUM);
        Response response = new Response();
        response.id = new Coded("ID-KMEHR", "1.0", "carevault." + UUID.randomUUID().toString().replace("-", ""));
        response.author = hub();
        response.date = now.format(DateTimeFormatter.ISO_LOCAL_DATE);
        response.time = now.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_TIME);
        response.request = request.request;
        answer.response = response;
        answer.acknowledge = new Acknowledge();
        return answer;
    }

    /** The hub as a KMEHR author: an application named CareVault. */
    static Author hub() {
        Document document = KmehrDom.newDocument();
        Element party = document.createElementNS(IntraHubMessages.KMEHR, "kmehr:hcparty");
        Element cd = document.createElementNS(IntraHubMessages.KMEHR, "kmehr:cd");
        cd.setAttribute("S", "CD-HCPARTY");
        cd.setAttribute("SV", "1.1");
        cd.setTextContent("application");
        party.appendChild(cd);
        Element name = document.createElementNS(IntraHubMessages.KMEHR, "kmehr:name");
        name.setTextContent("CareVault");
        party.appendChild(name);
        Author author = new Author();
        author.parties.add(party);
        return author;
    }

    static Optional<String> glass(Asked request) {
        return Optional.ofNullable(request.request.breaktheglass).map(String::trim).filter(reason -> !reason.isEmpty());
    }

    static String ssinOf(Patient patient) {
        List<Coded> ids = patient == null ? List.of() : patient.id;
        return ids.stream().filter(id -> "ID-PATIENT".equals(id.s)).map(id -> trim(id.value)).findFirst()
                .orElseThrow(() -> new CareVaultException(ErrorCode.REQUEST_INVALID, "The request names no patient (ID-PATIENT)"));
    }

    static String trim(String value) {
        return value == null ? "" : value.trim();
    }

}
