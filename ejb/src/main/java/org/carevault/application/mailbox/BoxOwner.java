package org.carevault.application.mailbox;

import java.util.Locale;
import org.carevault.application.access.NamesBox;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.InvalidIdentifierException;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.carevault.domain.access.BoxPolicy;
import org.carevault.domain.access.PartyKey;

/**
 * Whose box: a person by SSIN or an organisation by NIHII, in one quality (the eHealthBox's
 * identifier type, value and quality). Written {@code SSIN:<ssin>:PHYSICIAN} or {@code NIHII:<nihii>:HOSPITAL}.
 */
public record BoxOwner(String type, String id, Role quality) implements NamesBox {

    public static BoxOwner of(Caller caller) {
        return new BoxOwner(caller.id().type(), caller.id().value(), caller.role());
    }

    public static BoxOwner of(BoxPolicy.Box box) {
        return new BoxOwner(box.owner().type(), box.owner().value(), box.quality());
    }

    @Override
    public BoxPolicy.Box box() {
        return new BoxPolicy.Box(new PartyKey(type, id), quality);
    }

    /** Parses the written form, refusing anything that is not a valid identifier of a care quality. */
    public static BoxOwner parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length != 3) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A box is written TYPE:ID:QUALITY");
        }
        Role quality = Role.fromName(parts[2].toLowerCase(Locale.ROOT)).filter(Role::isCareProvider)
                .orElseThrow(() -> new CareVaultException(ErrorCode.REQUEST_INVALID, "Unknown quality"));
        try {
            return switch (parts[0].toUpperCase(Locale.ROOT)) {
                case "SSIN" -> {
                    if (quality == Role.HOSPITAL) {
                        throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A hospital is addressed by NIHII");
                    }
                    yield new BoxOwner("SSIN", Ssin.of(parts[1]).value(), quality);
                }
                case "NIHII" -> new BoxOwner("NIHII", Nihii.of(parts[1]).base(), quality);
                default -> throw new CareVaultException(ErrorCode.REQUEST_INVALID, "A box is addressed by SSIN or NIHII");
            };
        } catch (InvalidIdentifierException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Invalid identifier");
        }
    }

    /** Whether a certificate names this box's party (its SSIN, or its organisation's NIHII). */
    public boolean isNamedBy(CertificateIdentity identity) {
        return switch (type) {
            case "SSIN" -> identity.kind() == CertificateIdentity.Kind.PERSON && identity.ssin().value().equals(id);
            case "NIHII" -> identity.kind() == CertificateIdentity.Kind.ORGANISATION && identity.nihii().base().equals(id);
            default -> false;
        };
    }

    public PartyId party() {
        return "SSIN".equals(type) ? PartyId.person(id) : PartyId.organisation(id);
    }

    /** The written form (holds an SSIN: never log it). */
    public String written() {
        return type + ":" + id + ":" + quality.name();
    }

    @Override
    public String toString() {
        return type + ":" + (id.length() > 4 ? id.substring(0, 4) + "…" : id) + ":" + quality.name();
    }
}
