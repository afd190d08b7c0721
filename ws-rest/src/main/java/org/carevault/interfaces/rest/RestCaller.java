package org.carevault.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carevault.crypto.identity.InvalidIdentifierException;
import org.carevault.crypto.identity.Nihii;
import org.carevault.domain.Assurance;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Builds the {@link Caller} from the bearer token that elytron-oidc-client has already verified
 * (signature, issuer, expiry, audience). Here only the identity claims are read: realm roles,
 * {@code ssin} for persons, {@code nihii} for professionals and organisations, and {@code acr} (how the user
 * authenticated: {@code mfa} is a second factor in the session).
 */
@RequestScoped
public class RestCaller {

    @Inject
    private HttpServletRequest request;

    private Caller caller;

    public Caller current() {
        if (caller == null) {
            caller = fromToken(token());
        }
        return caller;
    }

    private AccessToken token() {
        Object context = request.getAttribute(OidcSecurityContext.class.getName());
        if (context instanceof OidcSecurityContext oidc && oidc.getToken() != null) {
            return oidc.getToken();
        }
        throw new CareVaultException(ErrorCode.NOT_AUTHENTICATED);
    }

    static Caller fromToken(AccessToken token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (token.getRealmAccessClaim() != null) {
            List<String> names = token.getRealmAccessClaim().getRoles();
            names.forEach(name -> Role.fromName(name).ifPresent(roles::add));
        }
        Role role = Caller.singleRole(roles);
        try {
            Optional<Nihii> nihii = Optional.ofNullable(token.getClaimValueAsString("nihii")).map(Nihii::of);
            PartyId id = role == Role.HOSPITAL
                    ? new PartyId.Organisation(nihii.orElseThrow(() -> new CareVaultException(ErrorCode.CALLER_IDENTITY_INVALID)))
                    : PartyId.person(token.getClaimValueAsString("ssin"));
            if (role.isCareProvider() && nihii.isEmpty()) {
                throw new CareVaultException(ErrorCode.CALLER_IDENTITY_INVALID);
            }
            return new Caller(id, role, nihii, displayName(token), Channel.REST, Assurance.ofAcr(token.getClaimValueAsString("acr")));
        } catch (InvalidIdentifierException e) {
            throw new CareVaultException(ErrorCode.CALLER_IDENTITY_INVALID);
        }
    }

    private static String displayName(AccessToken token) {
        String name = token.getClaimValueAsString("name");
        if (name == null) {
            name = token.getClaimValueAsString("azp");
        }
        return name;
    }
}
