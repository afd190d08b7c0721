package org.carevault.interfaces.rest;

import java.util.Optional;
import org.carevault.application.preference.CallerPreference;
import org.carevault.application.preference.Language;
import org.carevault.domain.Caller;

/** The caller as the REST API shows it to itself. */
public record CallerView(String partyType, String partyId, String role, String nihii, String displayName,
        String channel, String language) {

    static CallerView of(Caller caller, Language language) {
        return new CallerView(caller.id().type(), caller.id().value(), caller.role().roleName(),
                caller.nihii().map(n -> n.value()).orElse(null), caller.displayName(), caller.channel().name(),
                language == null ? null : language.code());
    }

    static CallerView of(Caller caller, Optional<CallerPreference> preference) {
        return of(caller, preference.map(CallerPreference::language).orElse(null));
    }
}
