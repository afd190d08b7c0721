package org.carevault.interfaces.soap;

import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.consent.Actor;
import org.carevault.domain.consent.PatientConsent;
import org.carevault.ws.consent.v1.Consent;
import org.carevault.ws.consent.v1.LinkKind;
import org.carevault.ws.consent.v1.Party;
import org.carevault.ws.consent.v1.TherapeuticLink;

/** Domain objects as the consent WSDL's types; times in UTC. */
final class SoapViews {

    private static final DatatypeFactory DATATYPES;

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SoapViews() {
    }

    static Consent consent(Optional<PatientConsent> found) {
        Consent consent = new Consent();
        consent.setActive(found.map(PatientConsent::active).orElse(false));
        found.ifPresent(c -> {
            consent.setId(c.id().toString());
            consent.setGrantedAt(time(c.grantedAt()));
            consent.setGrantedBy(party(c.grantedBy()));
            consent.setProof(c.proof().map(Enum::name).orElse(null));
            consent.setRevokedAt(c.revokedAt().map(SoapViews::time).orElse(null));
        });
        return consent;
    }

    static TherapeuticLink link(org.carevault.domain.consent.TherapeuticLink link) {
        TherapeuticLink view = new TherapeuticLink();
        view.setId(link.id().toString());
        view.setParty(party(link.party()));
        view.setKind(LinkKind.fromValue(link.kind().name()));
        view.setProof(link.proof().name());
        view.setStart(time(link.start()));
        view.setEnd(time(link.end()));
        view.setRevokedAt(link.revokedAt().map(SoapViews::time).orElse(null));
        return view;
    }

    static Party party(Actor actor) {
        Party party = new Party();
        party.setType(actor.party().type());
        party.setId(actor.party().value());
        party.setRole(actor.role().name());
        return party;
    }

    static XMLGregorianCalendar time(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return DATATYPES.newXMLGregorianCalendar(calendar);
    }

    /** A time must say its zone: a local time would be read in the server's zone, silently. */
    static Optional<Instant> instant(XMLGregorianCalendar time) {
        if (time != null && time.getTimezone() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID);
        }
        return Optional.ofNullable(time).map(t -> t.toGregorianCalendar().toInstant());
    }
}
