package org.carevault.interfaces.rest;

import java.time.Instant;
import java.util.List;
import org.carevault.application.audit.AuditEntry;
import org.carevault.application.consent.ProxyService;
import org.carevault.domain.access.Decision;
import org.carevault.domain.consent.Actor;
import org.carevault.domain.consent.PatientConsent;
import org.carevault.domain.consent.TherapeuticExclusion;
import org.carevault.domain.consent.TherapeuticLink;

/** The JSON shapes of the consent API. Times are RFC 3339 UTC. */
public final class PatientViews {

    private PatientViews() {
    }

    public record PatientRefView(String patientRef) {
    }

    public record PartyView(String type, String id, String role) {
        static PartyView of(Actor actor) {
            return new PartyView(actor.party().type(), actor.party().value(), actor.role().name());
        }
    }

    public record ConsentView(String patientRef, boolean active, String id, Instant grantedAt, PartyView grantedBy, String proof,
            Instant revokedAt) {
        static ConsentView none(String patientRef) {
            return new ConsentView(patientRef, false, null, null, null, null, null);
        }

        static ConsentView of(PatientConsent consent) {
            return new ConsentView(consent.patient().value(), consent.active(), consent.id().toString(), consent.grantedAt(),
                    PartyView.of(consent.grantedBy()), consent.proof().map(Enum::name).orElse(null),
                    consent.revokedAt().orElse(null));
        }
    }

    public record LinkView(String id, PartyView party, String kind, String proof, Instant start, Instant end, Instant createdAt,
            PartyView createdBy, Instant revokedAt) {
        static LinkView of(TherapeuticLink link) {
            return new LinkView(link.id().toString(), PartyView.of(link.party()), link.kind().name(), link.proof().name(),
                    link.start(), link.end(), link.createdAt(), PartyView.of(link.createdBy()), link.revokedAt().orElse(null));
        }
    }

    public record ExclusionView(String id, String partyType, String partyId, Instant createdAt, Instant revokedAt) {
        static ExclusionView of(TherapeuticExclusion exclusion) {
            return new ExclusionView(exclusion.id().toString(), exclusion.party().type(), exclusion.party().value(),
                    exclusion.createdAt(), exclusion.revokedAt().orElse(null));
        }
    }

    /** A proxy of the patient; the proxy is shown by the name given for them, never by SSIN or reference. */
    public record ProxyView(String id, String kind, String proxyName, String patientName, Instant validFrom,
            Instant validUntil, Instant createdAt, Instant revokedAt) {
        static ProxyView of(ProxyService.View view) {
            var proxy = view.proxy();
            return new ProxyView(proxy.id().toString(), proxy.kind().name(), view.proxyName(), view.patientName(),
                    proxy.validFrom(), proxy.validUntil().orElse(null), proxy.createdAt(), proxy.revokedAt().orElse(null));
        }
    }

    public record AuditEntryView(long seq, Instant at, String channel, String action, String callerType, String callerId,
            String callerRole, String callerNihii, String callerName, String dataType, String operation, String decision,
            String basis, boolean breakTheGlass, String breakTheGlassReason, String subjectId) {
        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(entry.seq(), entry.occurredAt(), entry.channel(), entry.action(),
                    entry.caller().map(p -> p.type()).orElse(null), entry.caller().map(p -> p.value()).orElse(null),
                    entry.callerRole(), entry.callerNihii(), entry.callerName(), entry.dataType(), entry.operation(),
                    entry.decision(), entry.basis(), Decision.Basis.BREAK_THE_GLASS.name().equals(entry.basis()),
                    entry.breakTheGlassReason().orElse(null), entry.subjectId().orElse(null));
        }
    }

    /** A page of a trail; {@code nextBefore} (null on the last page) is the cursor of the next one. */
    public record AuditTrailView(String patientRef, int offset, int limit, Long before, Long nextBefore,
            List<AuditEntryView> entries) {
    }

    public record DecisionView(String decision, String basis, boolean breakTheGlass) {
        static DecisionView of(Decision decision) {
            return new DecisionView(decision.code().name(), decision.basis().name(), decision.breakTheGlass());
        }
    }
}
