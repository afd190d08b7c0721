package org.carevault.domain.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import org.carevault.domain.Caller;
import org.carevault.domain.Role;
import org.carevault.domain.access.PartyKey;

/** Who did something: a party in a role (the patient, a professional, a hospital). */
@Embeddable
public class Actor {

    @Column(name = "type", length = 8)
    private String type;

    @Column(name = "id", length = 24)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 16)
    private Role role;

    protected Actor() {
        // for JPA
    }

    public Actor(PartyKey party, Role role) {
        this.type = party.type();
        this.id = party.value();
        this.role = Objects.requireNonNull(role, "role");
    }

    public static Actor of(Caller caller) {
        return new Actor(PartyKey.of(caller.id()), caller.role());
    }

    public PartyKey party() {
        return new PartyKey(type, id);
    }

    public Role role() {
        return role;
    }
}
