package org.carevault.interfaces.soap;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.carevault.application.mailbox.BoxOwner;
import org.carevault.application.mailbox.EtkDirectory;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.application.mailbox.Receipt;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.ws.mailbox.v1.Absence;
import org.carevault.ws.mailbox.v1.Acknowledgment;
import org.carevault.ws.mailbox.v1.Box;
import org.carevault.ws.mailbox.v1.CareVaultFault;
import org.carevault.ws.mailbox.v1.Etk;
import org.carevault.ws.mailbox.v1.MessageInfo;
import org.carevault.ws.mailbox.v1.OutOfOffice;

/** What the mailbox's three SOAP services share: coded faults and the conversions of their types. */
final class MailboxSoap {

    private MailboxSoap() {
    }

    /** Runs one operation; a coded refusal becomes the WSDL's CareVaultFault. */
    static <T> T call(Supplier<T> operation) throws CareVaultFault {
        try {
            return operation.get();
        } catch (CareVaultException e) {
            throw new CareVaultFault(SoapFaults.message(e.errorCode()), SoapFaults.error(e.errorCode()));
        }
    }

    static BoxOwner owner(Box box) {
        if (box == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A box is required");
        }
        return BoxOwner.parse(box.getType() + ":" + box.getId() + ":" + box.getQuality());
    }

    static List<BoxOwner> owners(List<Box> boxes) {
        return boxes.stream().map(MailboxSoap::owner).toList();
    }

    static Box box(BoxOwner owner) {
        Box box = new Box();
        box.setType(owner.type());
        box.setId(owner.id());
        box.setQuality(owner.quality().name());
        return box;
    }

    static Absence absence(MailboxService.Absence away) {
        Absence absence = new Absence();
        absence.setRecipient(box(away.recipient()));
        absence.setUntil(SoapViews.time(away.until()));
        away.substitutes().forEach(s -> absence.getSubstitute().add(box(s)));
        return absence;
    }

    static MessageInfo message(MailboxService.Listed listed) {
        MessageInfo info = new MessageInfo();
        info.setMessageId(listed.id().toString());
        info.setPublicationId(listed.publicationId());
        info.setSender(box(listed.sender()));
        listed.recipients().forEach(r -> info.getRecipient().add(box(r)));
        info.setSentAt(SoapViews.time(listed.sentAt()));
        info.setSize(listed.size());
        info.setImportant(listed.important());
        info.setFolder(listed.folder().name());
        listed.receivedAt().ifPresent(t -> info.setReceivedAt(SoapViews.time(t)));
        listed.readAt().ifPresent(t -> info.setReadAt(SoapViews.time(t)));
        listed.patientRef().ifPresent(info::setPatientRef);
        listed.inReplyTo().ifPresent(id -> info.setInReplyTo(id.toString()));
        return info;
    }

    static Acknowledgment acknowledgment(UUID messageId, MailboxService.Acknowledgement ack) {
        Acknowledgment result = new Acknowledgment();
        result.setRecipient(box(ack.recipient()));
        result.setKind(ack.kind().name());
        result.setAt(SoapViews.time(ack.at()));
        result.setStatement(Receipt.statement(messageId, ack.contentSha256(),
                ack.recipient(), ack.kind(), ack.at()));
        ack.timeStamp().ifPresent(result::setTimeStamp);
        return result;
    }

    static OutOfOffice outOfOffice(org.carevault.application.mailbox.OutOfOffice absence) {
        OutOfOffice result = new OutOfOffice();
        result.setId(absence.id().toString());
        result.setFrom(SoapViews.time(absence.startsAt()));
        result.setUntil(SoapViews.time(absence.endsAt()));
        absence.substitutes().forEach(s -> result.getSubstitute().add(box(s)));
        return result;
    }

    static Etk etk(EtkDirectory.Published published) {
        Etk etk = new Etk();
        etk.setId(published.id().toString());
        etk.setOwner(box(published.owner()));
        etk.setNotAfter(SoapViews.time(published.notAfter()));
        etk.setPublishedAt(SoapViews.time(published.publishedAt()));
        etk.setToken(published.token());
        return etk;
    }
}
