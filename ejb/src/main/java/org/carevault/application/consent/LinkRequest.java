package org.carevault.application.consent;

import java.time.Instant;
import java.util.Optional;
import org.carevault.domain.Role;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.LinkKind;
import org.carevault.domain.consent.ProofType;

/**
 * A request for a therapeutic relationship. A professional or hospital registers its own (party
 * empty); a patient declares one with a named party and role.
 */
public record LinkRequest(LinkKind kind, ProofType proof, Optional<PartyKey> party, Optional<Role> partyRole,
        Optional<Instant> start, Optional<Instant> end) {
}
