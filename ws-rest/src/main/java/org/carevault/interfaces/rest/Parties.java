package org.carevault.interfaces.rest;

import org.carevault.crypto.identity.InvalidIdentifierException;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.PartyId;
import org.carevault.domain.access.PartyKey;

/** A party named in a request body: {@code {"type": "SSIN", "id": "…"}} or {@code {"type": "NIHII", "id": "…"}}. */
final class Parties {

    private Parties() {
    }

    static PartyKey of(JsonInput party) {
        String type = party.requiredText("type");
        String id = party.requiredText("id");
        try {
            return switch (type) {
                case "SSIN" -> PartyKey.of(PartyId.person(id));
                case "NIHII" -> PartyKey.of(PartyId.organisation(id));
                default -> throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'party.type' must be SSIN or NIHII");
            };
        } catch (InvalidIdentifierException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "'party.id' is not a valid " + type);
        }
    }
}
