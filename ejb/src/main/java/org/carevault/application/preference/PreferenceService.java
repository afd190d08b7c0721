package org.carevault.application.preference;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.carevault.domain.Caller;

/** A caller's own preferences; a caller can only ever read or change their own. */
@Stateless
public class PreferenceService {

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    public Optional<CallerPreference> find(Caller caller) {
        return Optional.ofNullable(em.find(CallerPreference.class, CallerPreference.Key.of(caller.id())));
    }

    public CallerPreference setLanguage(Caller caller, Language language) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CallerPreference preference = find(caller).orElse(null);
        if (preference == null) {
            preference = new CallerPreference(caller.id(), language, now);
            em.persist(preference);
        } else {
            preference.change(language, now);
        }
        return preference;
    }
}
