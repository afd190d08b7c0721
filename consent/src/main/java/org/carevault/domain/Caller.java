package org.carevault.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carevault.crypto.identity.Nihii;

/**
 * The authenticated party behind a call, built by an endpoint from its wire's credentials (an OIDC
 * token or a signing certificate) so that services never look at tokens or certificates.
 *
 * @param id          the person (SSIN) or organisation (NIHII) calling
 * @param role        the quality in which the caller acts
 * @param nihii       the professional registration of a care provider, if any
 * @param displayName a name to show, never used for decisions
 * @param channel     the wire the call came through
 * @param assurance   how strongly the caller authenticated in this session (a patient's changes to consent and
 *                    proxies, and exports of their log, need {@link Assurance#MULTI_FACTOR})
 */
public record Caller(PartyId id, Role role, Optional<Nihii> nihii, String displayName, Channel channel, Assurance assurance) {

    /** A caller whose credential says nothing of a second factor (certificates, service accounts, passwords). */
    public Caller(PartyId id, Role role, Optional<Nihii> nihii, String displayName, Channel channel) {
        this(id, role, nihii, displayName, channel, Assurance.SINGLE_FACTOR);
    }

    public Caller {
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(nihii, "nihii");
        Objects.requireNonNull(channel, "channel");
        displayName = displayName == null ? "" : displayName;
        if (role == Role.HOSPITAL && !(id instanceof PartyId.Organisation)) {
            throw new CareVaultException(ErrorCode.CALLER_IDENTITY_INVALID);
        }
        if (role != Role.HOSPITAL && !(id instanceof PartyId.Person)) {
            throw new CareVaultException(ErrorCode.CALLER_IDENTITY_INVALID);
        }
    }

    /**
     * Chooses the caller's role among the roles granted to it, refusing an ambiguous grant: a
     * person holding two care roles must act in one quality per call, so more than one care role
     * without a choice is an error, not a silent pick.
     */
    public static Role singleRole(Set<Role> granted) {
        Set<Role> candidates = granted.stream().filter(r -> r != Role.ADMIN).collect(Collectors.toSet());
        if (candidates.isEmpty() && granted.contains(Role.ADMIN)) {
            return Role.ADMIN;
        }
        if (candidates.size() != 1) {
            throw new CareVaultException(ErrorCode.CALLER_ROLE_MISSING);
        }
        return candidates.iterator().next();
    }
}
