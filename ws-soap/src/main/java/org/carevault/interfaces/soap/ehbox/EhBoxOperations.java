package org.carevault.interfaces.soap.ehbox;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.transform.stream.StreamSource;
import org.carevault.application.mailbox.BoxEntry.Folder;
import org.carevault.application.mailbox.BoxOwner;
import org.carevault.application.mailbox.MailExpiry;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.application.mailbox.OutOfOffice;
import org.carevault.application.mailbox.Receipt;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.Role;
import org.carevault.domain.access.PartyKey;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.AcknowledgmentRow;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.AcknowledgmentsResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.AcknowledgmentsStatus;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Box;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.BoxInfoResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.ConsultationMessage;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.ConsultationRequest;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Content;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.ContentContext;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.ContentInfo;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Destination;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.FreeInformations;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.FullMessageResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.IdsResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.InsertOoOResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.MessageInfo;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.MessagesListResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.OoO;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.OoOIdsResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.OoOListResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Part;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Recipient;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Row;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.SendMessageRequest;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.SendMessageResponse;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Sender;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Specification;
import org.carevault.interfaces.soap.ehbox.EhBoxMessages.Summary;

/**
 * The operations of eHealthBox v3 on the hub's mailbox, for one authenticated caller: each maps onto
 * {@link MailboxService}, which decides and audits as for every other entry path. A refusal is a
 * {@link CareVaultException}, which the endpoint answers as the contract's BusinessError or SystemError.
 *
 * <p>The hub never sees a message's content: sendMessage takes only content the contract marks encrypted, and
 * checks that every sealed field (document, annexes and their titles, free information, the patient's SSIN) is a
 * seal made by the caller. The document's seal is the message's content in the mailbox (so the hub's other
 * interfaces read it too); the rest, with the title, file name and MIME type the contract carries in clear, is kept
 * as the message's envelope and given back as sent.
 */
final class EhBoxOperations {

    /** The box times and dates of the contract are Belgian. */
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9]{13}");
    private static final Map<String, Role> QUALITIES = Map.of("DOCTOR", Role.PHYSICIAN, "PHYSICIAN", Role.PHYSICIAN,
            "NURSE", Role.NURSE, "PHARMACIST", Role.PHARMACIST, "HOSPITAL", Role.HOSPITAL);

    private final Caller caller;
    private final MailboxService mailbox;
    private final JAXBContext jaxb;

    EhBoxOperations(Caller caller, MailboxService mailbox, JAXBContext jaxb) {
        this.caller = caller;
        this.mailbox = mailbox;
        this.jaxb = jaxb;
    }

    // --- publication ---------------------------------------------------------------------------------------------

    SendMessageResponse sendMessage(SendMessageRequest request, Function<String, byte[]> attachments) {
        ContentContext context = request.contentContext;
        if (context == null || context.content == null || context.content.document == null || context.specification == null
                || request.destinations.isEmpty()) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A message has destinations, a document and a specification");
        }
        if (!context.specification.encrypted) {
            throw new CareVaultException(ErrorCode.SEALED_CONTENT_INVALID,
                    "The hub accepts only content sealed for its recipients (IsEncrypted true)");
        }
        Content content = context.content;
        byte[] document = inline(content.document, attachments);
        List<byte[]> seals = new ArrayList<>();
        for (Part annex : content.annexes) {
            inline(annex, attachments);
            seals.add(required(annex.encryptableTitle));
            seals.add(annex.textContent);
        }
        if (content.patientSsin != null) {
            seals.add(content.patientSsin);
        }
        FreeInformations free = content.freeInformations;
        if (free != null) {
            if (free.freeText != null) {
                seals.add(free.freeText);
            }
            if (free.table != null) {
                for (Row row : free.table.rows) {
                    seals.add(required(row.left));
                    seals.add(required(row.right));
                }
            }
            if (free.old != null) {
                seals.add(required(free.old.value));
            }
        }
        List<BoxOwner> recipients = request.destinations.stream().map(EhBoxOperations::owner).toList();
        Optional<BoxOwner> onBehalfOf = Optional.ofNullable(request.boxId).map(EhBoxOperations::owner);
        if (onBehalfOf.isPresent() && !onBehalfOf.get().equals(BoxOwner.of(caller))) {
            throw new CareVaultException(ErrorCode.NOT_MANDATED, "The hub sends only from the caller's own box");
        }
        // The envelope keeps everything but the document's content, which the mailbox keeps as the message itself.
        content.document.textContent = null;
        content.document.binaryContent = null;
        Specification specification = context.specification;
        Summary summary = new Summary();
        summary.info = new ContentInfo();
        summary.info.title = content.document.title;
        summary.info.mimeType = content.document.mimeType;
        summary.info.patientSsin = content.patientSsin;
        summary.info.hasFreeInformations = free != null;
        summary.info.hasAnnex = !content.annexes.isEmpty();
        summary.specification = specification;
        summary.customMetas.addAll(context.customMetas);
        String publicationId = request.publicationId != null ? request.publicationId
                : UUID.randomUUID().toString().replace("-", "").substring(0, 13);
        MailboxService.Sent sent = mailbox.send(caller, new MailboxService.Outgoing(publicationId, recipients,
                specification.important, Boolean.TRUE.equals(specification.receivedReceipt),
                Boolean.TRUE.equals(specification.readReceipt), Optional.empty(), Optional.empty(), document,
                Optional.of(new MailboxService.Envelope(xml(context), xml(summary), seals))));
        SendMessageResponse response = new SendMessageResponse();
        response.id = sent.ehboxId();
        response.sentPublicationId = publicationId;
        for (MailboxService.Absence absence : sent.absent()) {
            Recipient recipient = new Recipient();
            Box box = box(absence.recipient());
            recipient.id = box.id;
            recipient.type = box.type;
            recipient.quality = box.quality;
            recipient.absentFrom = LocalDate.now(BRUSSELS).toString();
            recipient.absentTo = lastDay(absence.until());
            absence.substitutes().forEach(s -> recipient.substitutes.add(box(s)));
            response.recipients.add(recipient);
        }
        return response;
    }

    /** The part's sealed content, inline whether it came inline or as a {@code cid:} attachment. */
    private static byte[] inline(Part part, Function<String, byte[]> attachments) {
        if (part.textContent == null && part.binaryContent != null) {
            part.textContent = attachments.apply(part.binaryContent);
            part.binaryContent = null;
        }
        return required(part.textContent);
    }

    private static byte[] required(byte[] sealed) {
        if (sealed == null || sealed.length == 0) {
            throw new CareVaultException(ErrorCode.SEALED_CONTENT_INVALID, "A sealed field is empty");
        }
        return sealed;
    }

    private byte[] xml(Object root) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            jaxb.createMarshaller().marshal(root, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new CareVaultException(ErrorCode.INTERNAL);
        }
    }

    // --- consultation --------------------------------------------------------------------------------------------

    BoxInfoResponse getBoxInfo(ConsultationRequest request) {
        MailboxService.BoxInfo info = mailbox.boxInfo(caller, onBehalfOf(request));
        BoxInfoResponse response = new BoxInfoResponse();
        response.boxId = box(info.box());
        response.standBy = (int) Math.min(Integer.MAX_VALUE, info.waiting());
        response.currentSize = info.usedBytes();
        response.maxSize = info.quotaBytes();
        return response;
    }

    MessagesListResponse getMessagesList(ConsultationRequest request) {
        Folder folder = folder(request.source, "INBOX");
        int start = start(request);
        int end = end(request, start);
        Optional<BoxOwner> onBehalfOf = onBehalfOf(request);
        MessagesListResponse response = new MessagesListResponse();
        response.source = folder.name();
        for (MailboxService.Listed listed : mailbox.list(caller, onBehalfOf, folder, start - 1, end - start + 1)) {
            response.messages.add(listed(listed, onBehalfOf));
        }
        return response;
    }

    /** A list's first index (1-based, default 1), checked with its last by {@link #end}. */
    private static int start(ConsultationRequest request) {
        return request.startIndex == null ? 1 : request.startIndex;
    }

    /** A list's last index (default: a page of 100): 1 <= StartIndex <= EndIndex, at most 100 messages a call. */
    private static int end(ConsultationRequest request, int start) {
        int end = request.endIndex == null ? start + MailboxService.MAX_IDS - 1 : request.endIndex;
        if (start < 1 || end < start || end - start >= MailboxService.MAX_IDS) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "1 <= StartIndex <= EndIndex, at most 100 messages");
        }
        return end;
    }

    /** The caller's own box and every box whose owner gave the caller a mandate, newest first. */
    MessagesListResponse getAllEhboxesMessagesList(ConsultationRequest request) {
        if (request.boxId != null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "getAllEhboxesMessagesList names no box");
        }
        Folder folder = folder(request.source, "INBOX");
        int start = start(request);
        int end = end(request, start);
        PartyKey me = PartyKey.of(caller.id());
        List<Optional<BoxOwner>> boxes = new ArrayList<>(List.of(Optional.empty()));
        mailbox.mandates(caller).stream().filter(m -> m.mandatee().equals(me) && m.revokedAt().isEmpty())
                .map(m -> Optional.of(m.owner())).distinct().forEach(boxes::add);
        List<Map.Entry<Optional<BoxOwner>, MailboxService.Listed>> all = new ArrayList<>();
        for (Optional<BoxOwner> box : boxes) {
            for (int offset = 0; offset < end; offset += MailboxService.MAX_IDS) {
                int limit = Math.min(MailboxService.MAX_IDS, end - offset);
                List<MailboxService.Listed> page = mailbox.list(caller, box, folder, offset, limit);
                page.forEach(listed -> all.add(Map.entry(box, listed)));
                if (page.size() < limit) {
                    break;
                }
            }
        }
        all.sort((a, b) -> b.getValue().sentAt().compareTo(a.getValue().sentAt()));
        MessagesListResponse response = new MessagesListResponse();
        response.source = folder.name();
        for (int i = start - 1; i < Math.min(end, all.size()); i++) {
            response.messages.add(listed(all.get(i).getValue(), all.get(i).getKey()));
        }
        return response;
    }

    private EhBoxMessages.Listed listed(MailboxService.Listed listed, Optional<BoxOwner> onBehalfOf) {
        Optional<Summary> summary = listed.summary().map(bytes -> read(bytes, Summary.class));
        EhBoxMessages.Listed message = new EhBoxMessages.Listed();
        message.messageId = listed.ehboxId();
        boolean received = listed.folder() == Folder.INBOX || listed.folder() == Folder.BININBOX;
        message.destination = box(received ? onBehalfOf.orElse(BoxOwner.of(caller)) : listed.recipients().get(0));
        message.sender = sender(listed.sender());
        message.messageInfo = info(listed);
        message.contentInfo = summary.map(s -> s.info).orElseGet(() -> {
            ContentInfo info = new ContentInfo();
            info.title = DEFAULT_TITLE;
            info.mimeType = DEFAULT_MIME;
            return info;
        });
        message.specification = consultation(summary.map(s -> s.specification), listed);
        summary.ifPresent(s -> message.customMetas.addAll(s.customMetas));
        return message;
    }

    /** The title of a message sent by the hub's own interfaces (their subject is inside the seal). */
    static final String DEFAULT_TITLE = "Sealed message";
    static final String DEFAULT_MIME = "application/octet-stream";

    private <T> T read(byte[] bytes, Class<T> type) {
        try {
            return jaxb.createUnmarshaller().unmarshal(new StreamSource(new ByteArrayInputStream(bytes)), type).getValue();
        } catch (JAXBException e) {
            throw new CareVaultException(ErrorCode.INTERNAL);
        }
    }

    private static Specification consultation(Optional<Specification> sent, MailboxService.Listed listed) {
        Specification specification = new Specification();
        specification.applicationName = sent.map(s -> s.applicationName).orElse(null);
        specification.contentType = sent.map(s -> s.contentType).orElse("DOCUMENT");
        specification.important = listed.important();
        specification.encrypted = true;
        return specification;
    }

    private static MessageInfo info(MailboxService.Listed listed) {
        MessageInfo info = new MessageInfo();
        LocalDate sent = listed.sentAt().atZone(BRUSSELS).toLocalDate();
        info.publicationDate = sent.toString();
        info.expirationDate = sent.plusDays(MailExpiry.lifetime().toDays()).toString();
        info.size = Long.toString(listed.size());
        return info;
    }

    FullMessageResponse getFullMessage(ConsultationRequest request) {
        Optional<BoxOwner> onBehalfOf = onBehalfOf(request);
        UUID id = messageId(single(request.messageIds));
        MailboxService.Full full = mailbox.fetch(caller, onBehalfOf, id);
        MailboxService.Listed listed = full.message();
        if (listed.folder() == Folder.INBOX || listed.folder() == Folder.BININBOX) {
            // The contract has no other signal that the software showed the message: fetching it is reading it.
            mailbox.markRead(caller, onBehalfOf, id);
        }
        ContentContext context = full.envelope().map(bytes -> read(bytes, ContentContext.class)).orElseGet(EhBoxOperations::ownInterfaces);
        context.content.document.textContent = full.sealed();
        context.content.document.digest = null;
        context.content.annexes.forEach(annex -> annex.digest = null);
        context.specification = consultation(Optional.of(context.specification), listed);
        ConsultationMessage message = new ConsultationMessage();
        message.messageId = listed.ehboxId();
        message.publicationId = listed.publicationId().length() <= 13 ? listed.publicationId() : null;
        listed.recipients().forEach(r -> message.destinations.add(box(r)));
        message.contentContext = context;
        FullMessageResponse response = new FullMessageResponse();
        response.sender = sender(listed.sender());
        response.message = message;
        response.messageInfo = info(listed);
        return response;
    }

    /** A message sent by the hub's own interfaces, as this contract shows it: one sealed document. */
    private static ContentContext ownInterfaces() {
        ContentContext context = new ContentContext();
        context.content = new Content();
        context.content.document = new Part();
        context.content.document.title = DEFAULT_TITLE;
        context.content.document.downloadFileName = "message.p7m";
        context.content.document.mimeType = DEFAULT_MIME;
        context.specification = new Specification();
        return context;
    }

    IdsResponse moveMessage(ConsultationRequest request) {
        List<String> names = request.messageIds;
        mailbox.move(caller, onBehalfOf(request), messageIds(names), folder(request.destination, null));
        return ids(names);
    }

    IdsResponse deleteMessage(ConsultationRequest request) {
        List<String> names = request.messageIds;
        mailbox.delete(caller, onBehalfOf(request), messageIds(names));
        return ids(names);
    }

    IdsResponse getHistory(ConsultationRequest request) {
        IdsResponse response = new IdsResponse();
        mailbox.history(caller, onBehalfOf(request), messageId(single(request.messageIds)))
                .forEach(listed -> response.messageIds.add(listed.ehboxId()));
        return response;
    }

    AcknowledgmentsResponse getMessageAcknowledgmentsStatus(ConsultationRequest request) {
        Map<BoxOwner, AcknowledgmentRow> rows = new LinkedHashMap<>();
        Optional<BoxOwner> onBehalfOf = onBehalfOf(request);
        UUID id = messageId(single(request.messageIds));
        mailbox.message(caller, onBehalfOf, id).recipients()
                .forEach(r -> rows.computeIfAbsent(r, owner -> row(owner)));
        for (MailboxService.Acknowledgement ack : mailbox.acknowledgements(caller, onBehalfOf, id)) {
            AcknowledgmentRow row = rows.computeIfAbsent(ack.recipient(), owner -> row(owner));
            String at = OffsetDateTime.ofInstant(ack.at(), ZoneOffset.UTC).toString();
            if (ack.kind() == Receipt.Kind.PUBLISHED) {
                row.published = at;
            } else if (ack.kind() == Receipt.Kind.RECEIVED) {
                row.received = at;
            } else {
                row.read = at;
            }
        }
        AcknowledgmentsResponse response = new AcknowledgmentsResponse();
        response.acknowledgments = new AcknowledgmentsStatus();
        List<AcknowledgmentRow> all = new ArrayList<>(rows.values());
        int start = request.startIndex == null ? 1 : Math.max(1, request.startIndex);
        int end = request.endIndex == null ? all.size() : Math.min(all.size(), request.endIndex);
        for (int i = start - 1; i < end; i++) {
            response.acknowledgments.rows.add(all.get(i));
        }
        return response;
    }

    private static AcknowledgmentRow row(BoxOwner owner) {
        AcknowledgmentRow row = new AcknowledgmentRow();
        row.recipient = box(owner);
        return row;
    }

    InsertOoOResponse insertOoO(ConsultationRequest request) {
        ownBoxOnly(request);
        LocalDate start = date(request.startDate);
        LocalDate end = date(request.endDate);
        List<BoxOwner> substitutes = request.substitutes.stream().map(EhBoxOperations::owner).toList();
        mailbox.insertOutOfOffice(caller, start.atStartOfDay(BRUSSELS).toInstant(),
                end.plusDays(1).atStartOfDay(BRUSSELS).toInstant(), substitutes);
        return new InsertOoOResponse();
    }

    OoOIdsResponse deleteOoO(ConsultationRequest request) {
        ownBoxOnly(request);
        if (request.oooIds.isEmpty()) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "No OoOId");
        }
        List<OutOfOffice> mine = mailbox.outOfOffice(caller);
        OoOIdsResponse response = new OoOIdsResponse();
        for (String name : request.oooIds) {
            OutOfOffice found = mine.stream().filter(o -> oooId(o).equals(name)).findFirst()
                    .orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
            mailbox.deleteOutOfOffice(caller, found.id());
            response.oooIds.add(name);
        }
        return response;
    }

    OoOListResponse getOoOList(ConsultationRequest request) {
        ownBoxOnly(request);
        OoOListResponse response = new OoOListResponse();
        for (OutOfOffice absence : mailbox.outOfOffice(caller)) {
            OoO ooo = new OoO();
            ooo.oooId = oooId(absence);
            ooo.startDate = absence.startsAt().atZone(BRUSSELS).toLocalDate().toString();
            ooo.endDate = lastDay(absence.endsAt());
            absence.substitutes().forEach(s -> ooo.substitutes.add(box(s)));
            response.list.add(ooo);
        }
        return response;
    }

    /** The last day of an absence that ends (exclusive) at {@code endsAt}. */
    private static String lastDay(java.time.Instant endsAt) {
        return endsAt.minusSeconds(1).atZone(BRUSSELS).toLocalDate().toString();
    }

    /** The contract's out-of-office ids have at most 13 characters: the first 13 of the hub's id, unique per box. */
    private static String oooId(OutOfOffice absence) {
        return absence.id().toString().replace("-", "").substring(0, 13).toUpperCase(Locale.ROOT);
    }

    private void ownBoxOnly(ConsultationRequest request) {
        if (request.boxId != null && !owner(request.boxId).equals(BoxOwner.of(caller))) {
            throw new CareVaultException(ErrorCode.NOT_MANDATED, "Out-of-office is set for one's own box");
        }
    }

    // --- mapping -------------------------------------------------------------------------------------------------

    private static Optional<BoxOwner> onBehalfOf(ConsultationRequest request) {
        return Optional.ofNullable(request.boxId).map(EhBoxOperations::owner);
    }

    /** An eHealthBox identifier (INSS or NIHII, a quality) as the hub's box; anything else is bad input. */
    static BoxOwner owner(Box box) {
        if (box == null || box.id == null || box.type == null || box.quality == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A box has an Id, a Type and a Quality");
        }
        String type = switch (box.type.trim().toUpperCase(Locale.ROOT)) {
            case "INSS", "SSIN" -> "SSIN";
            case "NIHII", "NIHII-HOSPITAL", "NIHII-PHARMACY" -> "NIHII";
            default -> throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A box is addressed by INSS or NIHII");
        };
        Role quality = QUALITIES.get(box.quality.trim().toUpperCase(Locale.ROOT));
        if (quality == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The hub serves the qualities " + QUALITIES.keySet());
        }
        return BoxOwner.parse(type + ":" + box.id.trim() + ":" + quality.name());
    }

    static Box box(BoxOwner owner) {
        return new Box(owner.id(), "SSIN".equals(owner.type()) ? "INSS" : "NIHII",
                owner.quality() == Role.PHYSICIAN ? "DOCTOR" : owner.quality().name());
    }

    private static Sender sender(BoxOwner owner) {
        Box box = box(owner);
        Sender sender = new Sender();
        sender.id = box.id;
        sender.type = box.type;
        sender.quality = box.quality;
        return sender;
    }

    private static Folder folder(String source, String absent) {
        String name = source == null ? absent : source.trim();
        try {
            return Folder.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A folder is INBOX, SENTBOX, BININBOX or BINSENTBOX");
        }
    }

    private static String single(List<String> ids) {
        if (ids.size() != 1) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "One MessageId");
        }
        return ids.get(0);
    }

    private UUID messageId(String name) {
        if (name == null || !MESSAGE_ID.matcher(name.trim()).matches()) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A MessageId has 13 letters or digits");
        }
        return mailbox.idOfEhbox(name.trim().toUpperCase(Locale.ROOT));
    }

    private List<UUID> messageIds(List<String> names) {
        if (names.isEmpty() || names.size() > MailboxService.MAX_IDS) {
            throw new CareVaultException(names.isEmpty() ? ErrorCode.REQUEST_INVALID : ErrorCode.TOO_MANY_IDS);
        }
        return names.stream().map(this::messageId).toList();
    }

    private static IdsResponse ids(List<String> names) {
        IdsResponse response = new IdsResponse();
        response.messageIds.addAll(names);
        return response;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A date is written YYYY-MM-DD");
        }
    }
}
