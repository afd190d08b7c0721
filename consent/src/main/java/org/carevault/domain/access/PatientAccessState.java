package org.carevault.domain.access;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.carevault.domain.Role;

/**
 * Everything the decision needs to know about one patient, as loaded from the database (and kept
 * in the decision cache): whether informed consent is active, the relationships not revoked (their
 * expiry is judged at decision time), and the excluded parties.
 */
public record PatientAccessState(boolean consent, List<Relationship> relationships, Set<PartyKey> exclusions)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final PatientAccessState UNKNOWN = new PatientAccessState(false, List.of(), Set.of());

    public PatientAccessState {
        relationships = List.copyOf(relationships);
        exclusions = Set.copyOf(exclusions);
    }

    /** A therapeutic relationship of a party, acting in a role, from start (inclusive) to end (exclusive). */
    public record Relationship(PartyKey party, Role role, Instant start, Instant end) implements Serializable {
        private static final long serialVersionUID = 1L;

        public boolean activeAt(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    public boolean excludes(PartyKey party) {
        return exclusions.contains(party);
    }

    public boolean hasRelationship(PartyKey party, Role role, Instant at) {
        return relationships.stream().anyMatch(r -> r.party().equals(party) && r.role() == role && r.activeAt(at));
    }
}
