package org.carevault.interfaces.rest;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.carevault.application.mailbox.BoxOwner;
import org.carevault.application.mailbox.EtkDirectory;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.application.mailbox.Mandate;
import org.carevault.application.mailbox.OutOfOffice;
import org.carevault.application.mailbox.Receipt;

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
}
