package org.carevault.application.preference;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.carevault.application.access.NoPatientData;
import org.carevault.application.access.PatientRefs;
import org.carevault.domain.Caller;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.carevault.domain.access.PartyKey;

/**
 * A caller's own preferences; a caller can only ever read or change their own. A patient's are kept
 * under their patient reference, never their SSIN.
 */
@Stateless
public class PreferenceService {

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @EJB
    private PatientRefs refs;

    private PartyKey owner(Caller caller) {
        if (caller.role() == Role.PATIENT
                && caller.id() instanceof PartyId.Person person) {
            return new PartyKey("PATIENT", refs.of(person.ssin()).value());
        }
        return PartyKey.of(caller.id());
    }

    @NoPatientData("the caller's own preferences (language)")
    public Optional<CallerPreference> find(Caller caller) {
        return Optional.ofNullable(em.find(CallerPreference.class, CallerPreference.Key.of(owner(caller))));
    }

    @NoPatientData("the caller's own preferences (language)")
    public CallerPreference setLanguage(Caller caller, Language language) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CallerPreference preference = find(caller).orElse(null);
        if (preference == null) {
            preference = new CallerPreference(owner(caller), language, now);
            em.persist(preference);
        } else {
            preference.change(language, now);
        }
        return preference;
    }
}
