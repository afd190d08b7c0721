package org.carevault.interfaces.rest;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.carevault.application.audit.AuditEntry;
import org.carevault.application.mailbox.BoxOwner;
import org.carevault.application.mailbox.EtkDirectory;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.application.mailbox.Mandate;
import org.carevault.application.mailbox.OutOfOffice;
import org.carevault.application.mailbox.Receipt;
import org.carevault.domain.access.PartyKey;

/** The JSON shapes of the mailbox and key-directory API. Boxes are written {@code TYPE:ID:QUALITY}; bytes are base64. */
public final class MailboxViews {

    private MailboxViews() {
    }

    public record EtkView(String id, String box, Instant notAfter, Instant publishedAt, String token) {
        static EtkView of(EtkDirectory.Published published) {
            return new EtkView(published.id().toString(), published.owner().written(), published.notAfter(),
                    published.publishedAt(), Base64.getEncoder().encodeToString(published.token()));
        }
    }

    public record AbsenceView(String recipient, Instant until, List<String> substitutes) {
        static AbsenceView of(MailboxService.Absence absence) {
            return new AbsenceView(absence.recipient().written(), absence.until(), written(absence.substitutes()));
        }
    }

    public record SentView(String messageId, boolean repeated, List<AbsenceView> absent) {
        static SentView of(MailboxService.Sent sent) {
            return new SentView(sent.messageId().toString(), sent.repeated(), sent.absent().stream().map(AbsenceView::of).toList());
        }
    }

    public record MessageView(String id, String publicationId, String sender, List<String> recipients, Instant sentAt,
            long size, boolean important, String folder, Instant receivedAt, Instant readAt, String patientRef, String inReplyTo) {
        static MessageView of(MailboxService.Listed listed) {
            return new MessageView(listed.id().toString(), listed.publicationId(), listed.sender().written(),
                    written(listed.recipients()), listed.sentAt(), listed.size(), listed.important(), listed.folder().name(),
                    listed.receivedAt().orElse(null), listed.readAt().orElse(null), listed.patientRef().orElse(null),
                    listed.inReplyTo().map(Object::toString).orElse(null));
        }
    }

    public record BoxInfoView(String box, long usedBytes, long quotaBytes, long unread, long waiting) {
        static BoxInfoView of(MailboxService.BoxInfo info) {
            return new BoxInfoView(info.box().written(), info.usedBytes(), info.quotaBytes(), info.unread(), info.waiting());
        }
    }

    /** A receipt; {@code statement} is exactly what {@code timeStamp} (RFC 3161, DER, base64) covers. */
    public record AcknowledgementView(String recipient, String kind, Instant at, String statement, String timeStamp) {
        static AcknowledgementView of(String messageId, MailboxService.Acknowledgement ack) {
            return new AcknowledgementView(ack.recipient().written(), ack.kind().name(), ack.at(),
                    Receipt.statement(UUID.fromString(messageId),
                            ack.contentSha256(), ack.recipient(), ack.kind(), ack.at()),
                    ack.timeStamp().map(Base64.getEncoder()::encodeToString).orElse(null));
        }
    }

    public record OutOfOfficeView(String id, Instant from, Instant until, List<String> substitutes) {
        static OutOfOfficeView of(OutOfOffice absence) {
            return new OutOfOfficeView(absence.id().toString(), absence.startsAt(), absence.endsAt(),
                    written(absence.substitutes()));
        }
    }

    public record MandateView(String id, String box, PatientViews.PartyView mandatee, Instant grantedAt, Instant revokedAt) {
        static MandateView of(Mandate mandate) {
            return new MandateView(mandate.id().toString(), mandate.owner().written(),
                    new PatientViews.PartyView(mandate.mandatee().type(), mandate.mandatee().value(), null),
                    mandate.grantedAt(), mandate.revokedAt().orElse(null));
        }
    }

    private static List<String> written(List<BoxOwner> boxes) {
        return boxes.stream().map(BoxOwner::written).toList();
    }

    /**
     * One use of a box by another party, or a refused attempt: who (a patient caller is shown by role only), when,
     * through which channel and operation, and the decision with its code and basis.
     */
    public record BoxTrailEntryView(long seq, Instant at, String channel, String action, String callerType,
            String callerId, String callerRole, String callerNihii, String callerName, String operation, String decision,
            String basis) {
        static BoxTrailEntryView of(AuditEntry entry) {
            boolean patient = entry.caller().map(c -> AuditEntry.PATIENT_CALLER.equals(c.type())).orElse(false);
            return new BoxTrailEntryView(entry.seq(), entry.occurredAt(), entry.channel(), entry.action(),
                    entry.caller().map(PartyKey::type).orElse(null),
                    patient ? null : entry.caller().map(PartyKey::value).orElse(null), entry.callerRole(),
                    entry.callerNihii(), entry.callerName(), entry.operation(), entry.decision(), entry.basis());
        }
    }

    /** A page of a box's trail; {@code nextBefore} (null on the last page) is the cursor of the next one. */
    public record BoxTrailView(String box, Long before, Long nextBefore, List<BoxTrailEntryView> entries) {
    }
}
