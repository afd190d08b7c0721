package org.carevault.interfaces.soap.intrahub;

import static org.carevault.interfaces.soap.intrahub.IntraHubOperations.BELGIUM;
import static org.carevault.interfaces.soap.intrahub.IntraHubOperations.answer;
import static org.carevault.interfaces.soap.intrahub.IntraHubOperations.party;
import static org.carevault.interfaces.soap.intrahub.IntraHubOperations.perform;
import static org.carevault.interfaces.soap.intrahub.IntraHubOperations.ssinOf;
import static org.carevault.interfaces.soap.intrahub.IntraHubOperations.trim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carevault.application.access.PatientDirectory;
import org.carevault.application.consent.ConsentService;
import org.carevault.application.consent.LinkRequest;
import org.carevault.application.consent.TherapeuticLinkService;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.PartyId;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.Actor;
import org.carevault.domain.consent.LinkKind;
import org.carevault.domain.consent.PatientConsent;
import org.carevault.domain.consent.PatientRef;
import org.carevault.domain.consent.ProofType;
import org.carevault.domain.consent.TherapeuticLink;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Answer;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Coded;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Consent;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetPatientConsentRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetPatientConsentResponse;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTherapeuticLinkRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTherapeuticLinkResponse;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.HcpartyIds;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Link;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Patient;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Proof;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.PutPatientConsentRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.PutTherapeuticLinkRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.RevokePatientConsentRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.RevokeTherapeuticLinkRequest;

/**
 * The patient's informed consent and the caller's therapeutic relationships over IntraHub, through the same services
 * as every other entry path. The hub registers them for a professional only with a proof of the patient's presence
 * (an eID or ISI+ reading, an eID signature), which IntraHub 3.5 cannot carry: the hub reads a {@code proof} element
 * as eHealth's consent and therapeutic link services write it ({@code cd S="CD-PROOFTYPE"}: {@code eidreading},
 * {@code eidsigning}, {@code isireading}); without one the answer is {@code CV-CONSENT-005}.
 */
final class ConsentOperations {

    private final Caller caller;
    private final PatientDirectory directory;
    private final ConsentService consents;
    private final TherapeuticLinkService links;

    ConsentOperations(Caller caller, PatientDirectory directory, ConsentService consents, TherapeuticLinkService links) {
        this.caller = caller;
        this.directory = directory;
        this.consents = consents;
        this.links = links;
    }

    /** PutPatientConsent: the patient's consent, registered by the caller with a proof. */
    Answer putPatientConsent(PutPatientConsentRequest request) {
        Answer answer = answer(new Answer(), request);
        return perform(answer, () -> {
            Consent consent = required(request.consent);
            consents.put(caller, patient(consent.patient), proof(consent.proof));
        });
    }

    /** GetPatientConsent: the patient's consent in force, or none (complete, without a consent). */
    GetPatientConsentResponse getPatientConsent(GetPatientConsentRequest request) {
        GetPatientConsentResponse answer = answer(new GetPatientConsentResponse(), request);
        return perform(answer, () -> {
            if (request.select == null) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The request selects nothing");
            }
            String ssin = ssinOf(request.select.patient);
            consents.get(caller, directory.resolve(caller, ssin)).filter(PatientConsent::active)
                    .ifPresent(found -> answer.consent = consent(ssin, found));
        });
    }

    /** RevokePatientConsent: the patient withdraws, through the caller, with a proof. */
    Answer revokePatientConsent(RevokePatientConsentRequest request) {
        Answer answer = answer(new Answer(), request);
        return perform(answer, () -> {
            Consent consent = required(request.consent);
            consents.revoke(caller, patient(consent.patient), proof(consent.proof));
        });
    }

    /**
     * PutTherapeuticLink: the caller's own relationship with the patient (the {@code hcparty} named must be the
     * caller), of a kind ({@code cd}: {@code regular}, {@code occasional}, {@code emergency}, {@code hospitalisation}),
     * from {@code startdate} to {@code enddate} (the kind's usual length when absent), with a proof.
     */
    Answer putTherapeuticLink(PutTherapeuticLinkRequest request) {
        Answer answer = answer(new Answer(), request);
        return perform(answer, () -> {
            Link link = requiredLink(request.therapeuticlink);
            LinkRequest registration = new LinkRequest(kind(link.cd), proof(link.proof).orElseThrow(
                    () -> new CareVaultException(ErrorCode.PROOF_REQUIRED)), Optional.empty(), Optional.empty(),
                    date(link.startdate), date(link.enddate));
            links.put(caller, patient(link.patient), registration);
        });
    }

    /** GetTherapeuticLink: the patient's relationships in force, of the kinds asked (all when none). */
    GetTherapeuticLinkResponse getTherapeuticLink(GetTherapeuticLinkRequest request) {
        GetTherapeuticLinkResponse answer = answer(new GetTherapeuticLinkResponse(), request);
        return perform(answer, () -> {
            if (request.select == null || request.select.patient == null) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Select the patient");
            }
            String ssin = ssinOf(request.select.patient);
            List<String> kinds = request.select.cd.stream().map(cd -> trim(cd.value).toLowerCase(Locale.ROOT)).toList();
            Instant now = Instant.now();
            answer.therapeuticlinklist = new IntraHubMessages.LinkList();
            for (TherapeuticLink found : links.list(caller, directory.resolve(caller, ssin))) {
                String kind = found.kind().name().toLowerCase(Locale.ROOT);
                if (found.revokedAt().isEmpty() && found.currentAt(now) && (kinds.isEmpty() || kinds.contains(kind))) {
                    answer.therapeuticlinklist.therapeuticlink.add(link(ssin, found));
                }
            }
        });
    }

    /** RevokeTherapeuticLink: the caller's relationship of that kind with the patient ends. */
    Answer revokeTherapeuticLink(RevokeTherapeuticLinkRequest request) {
        Answer answer = answer(new Answer(), request);
        return perform(answer, () -> {
            Link link = requiredLink(request.therapeuticlink);
            LinkKind kind = kind(link.cd);
            PatientRef patient = patient(link.patient);
            PartyKey self = PartyKey.of(caller.id());
            Instant now = Instant.now();
            TherapeuticLink found = links.list(caller, patient).stream()
                    .filter(l -> l.revokedAt().isEmpty() && l.currentAt(now) && l.kind() == kind
                            && l.party().party().equals(self) && l.party().role() == caller.role())
                    .findFirst().orElseThrow(() -> new CareVaultException(ErrorCode.NOT_FOUND));
            links.revoke(caller, patient, found.id());
        });
    }

    private PatientRef patient(Patient patient) {
        return directory.resolve(caller, ssinOf(patient));
    }

    private static Consent required(Consent consent) {
        if (consent == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The request holds no consent");
        }
        return consent;
    }

    /** The link asked for, which must name the caller as its care party. */
    private Link requiredLink(Link link) {
        if (link == null || link.patient == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The request holds no therapeutic link with a patient");
        }
        if (link.hcparty != null && !link.hcparty.id.isEmpty() && link.hcparty.id.stream().noneMatch(this::isCaller)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A care provider registers their own relationship");
        }
        return link;
    }

    private boolean isCaller(Coded id) {
        String value = trim(id.value);
        return switch (trim(id.s)) {
            case "INSS" -> caller.id() instanceof PartyId.Person person && person.value().equals(value);
            case "ID-HCPARTY" -> caller.nihii().map(n -> n.value().equals(value)).orElse(false)
                    || caller.id() instanceof PartyId.Organisation organisation && organisation.value().equals(value);
            default -> false;
        };
    }

    /** The proof a professional presents; an unknown one is refused, none is the service's to refuse. */
    static Optional<ProofType> proof(List<Proof> proofs) {
        if (proofs.isEmpty() || proofs.get(0).cd == null) {
            return Optional.empty();
        }
        return Optional.of(switch (trim(proofs.get(0).cd.value).toLowerCase(Locale.ROOT)) {
            case "eidreading" -> ProofType.EID_READING;
            case "eidsigning" -> ProofType.EID_SIGNING;
            case "isireading" -> ProofType.ISI_READING;
            default -> throw new CareVaultException(ErrorCode.REQUEST_INVALID,
                    "A proof is eidreading, eidsigning or isireading (CD-PROOFTYPE)");
        });
    }

    static LinkKind kind(Coded cd) {
        if (cd == null) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "State the kind of relationship (cd)");
        }
        try {
            return LinkKind.valueOf(trim(cd.value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID,
                    "A relationship is regular, occasional, emergency or hospitalisation");
        }
    }

    private static Optional<Instant> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim().substring(0, Math.min(10, text.trim().length())))
                    .atStartOfDay(BELGIUM).toInstant());
        } catch (DateTimeParseException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A date is YYYY-MM-DD");
        }
    }

    private static Consent consent(String ssin, PatientConsent found) {
        Consent consent = new Consent();
        consent.patient = patientIds(ssin);
        consent.cd.add(new Coded("CD-CONSENTTYPE", "1.0", "retrospective"));
        consent.signdate = found.grantedAt().atZone(BELGIUM).toLocalDate().toString();
        consent.author = author(found.grantedBy());
        return consent;
    }

    private static Link link(String ssin, TherapeuticLink found) {
        Link link = new Link();
        link.patient = patientIds(ssin);
        link.hcparty = new HcpartyIds();
        PartyKey party = found.party().party();
        link.hcparty.id.add(new Coded("SSIN".equals(party.type()) ? "INSS" : "ID-HCPARTY", "1.0", party.value()));
        link.cd = new Coded("CD-THERAPEUTICLINKTYPE", "1.0", found.kind().name().toLowerCase(Locale.ROOT));
        link.startdate = found.start().atZone(BELGIUM).toLocalDate().toString();
        link.enddate = found.end().atZone(BELGIUM).toLocalDate().toString();
        return link;
    }

    private static IntraHubMessages.Author author(Actor actor) {
        return party(actor.party().type(), actor.party().value(), actor.role().name());
    }

    private static Patient patientIds(String ssin) {
        Patient patient = new Patient();
        patient.id.add(new Coded("ID-PATIENT", "1.0", ssin));
        return patient;
    }
}
