package org.carevault.interfaces.soap;

import jakarta.xml.ws.WebServiceContext;
import java.security.Principal;
import java.util.Optional;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;

/**
 * Builds the {@link Caller} from the certificate that signed the request. WS-Security has already
 * verified the signature, the timestamp and the certificate's chain to a trusted CA before the
 * endpoint runs; the principal is that certificate's subject, read here as a care identity.
 */
final class SoapCaller {

    private SoapCaller() {
    }

    static Caller of(WebServiceContext context) {
        Principal principal = context.getUserPrincipal();
        if (principal == null) {
            throw new CareVaultException(ErrorCode.NOT_AUTHENTICATED);
        }
        CertificateIdentity identity = CertificateIdentity.parse(principal.getName())
                .orElseThrow(() -> new CareVaultException(ErrorCode.CALLER_IDENTITY_INVALID));
        return of(identity);
    }

    static Caller of(CertificateIdentity identity) {
        Role role = Role.fromName(identity.quality()).filter(Role::isCareProvider)
                .orElseThrow(() -> new CareVaultException(ErrorCode.CALLER_ROLE_MISSING));
        PartyId id = identity.kind() == CertificateIdentity.Kind.ORGANISATION
                ? new PartyId.Organisation(identity.nihii())
                : new PartyId.Person(identity.ssin());
        return new Caller(id, role, Optional.ofNullable(identity.nihii()), identity.displayName(), Channel.SOAP);
    }
}
