package org.carevault.domain.access;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.carevault.domain.Role;

/**
 * Everything the decision needs to know about one patient, as loaded from the database (and kept
 * in the decision cache): whether informed consent is active, the relationships not revoked (their
 * expiry is judged at decision time), the excluded parties, and the proxies not revoked (people who
 * may act for the patient, by their own patient reference; their period is judged at decision time).
 */
public record PatientAccessState(boolean consent, List<Relationship> relationships, Set<PartyKey> exclusions,
        List<Proxy> proxies) implements Serializable {

    private static final long serialVersionUID = 2L;

    public static final PatientAccessState UNKNOWN = new PatientAccessState(false, List.of(), Set.of(), List.of());

    public PatientAccessState {
        relationships = List.copyOf(relationships);
        exclusions = Set.copyOf(exclusions);
        proxies = List.copyOf(proxies);
    }

    /** A state without proxies. */
    public PatientAccessState(boolean consent, List<Relationship> relationships, Set<PartyKey> exclusions) {
        this(consent, relationships, exclusions, List.of());
    }

    /** A person who may act for the patient (by their patient reference), from start (inclusive) to end (exclusive). */
    public record Proxy(String proxyRef, Instant start, Instant end) implements Serializable {
        private static final long serialVersionUID = 1L;

        public boolean activeAt(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    /** Whether the person with this patient reference may act for the patient at that time. */
    public boolean hasProxy(String proxyRef, Instant at) {
        return proxies.stream().anyMatch(p -> p.proxyRef().equals(proxyRef) && p.activeAt(at));
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
