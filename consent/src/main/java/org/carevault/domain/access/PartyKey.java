package org.carevault.domain.access;

import java.util.Objects;
import org.carevault.domain.PartyId;

/** A party as stored and compared: its type (SSIN or NIHII) and identifier. */
public record PartyKey(String type, String value) {

    public PartyKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static PartyKey of(PartyId id) {
        return new PartyKey(id.type(), id.value());
    }

    @Override
    public String toString() {
        return type + ":" + (value.length() > 4 ? value.substring(0, 4) + "…" : value);
    }
}
