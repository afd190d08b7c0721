package org.carevault.application.access;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/** A care provider the hub has seen acting: party and role, with the NIHII and name its credentials carried. */
@Entity
@Table(name = "known_professional")
public class KnownProfessional {

    /** Party and role. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "party_type", length = 8, nullable = false)
        private String partyType;

        @Column(name = "party_id", length = 16, nullable = false)
        private String partyId;

        @Column(name = "role", length = 16, nullable = false)
        private String role;

        protected Key() {
            // for JPA
        }

        Key(String partyType, String partyId, String role) {
            this.partyType = partyType;
            this.partyId = partyId;
            this.role = role;
        }

        String partyType() {
            return partyType;
        }

        String partyId() {
            return partyId;
        }

        String role() {
            return role;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && partyType.equals(key.partyType) && partyId.equals(key.partyId)
                    && role.equals(key.role);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partyType, partyId, role);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "nihii", length = 16, nullable = false)
    private String nihii;

    @Column(name = "name", length = 120, nullable = false)
    private String name;

    @Column(name = "name_lower", length = 120, nullable = false)
    private String nameLower;

    protected KnownProfessional() {
        // for JPA
    }

    KnownProfessional(Key key, String nihii, String name) {
        this.key = key;
        update(nihii, name);
    }

    /** Whether the credentials still say the same. */
    boolean says(String otherNihii, String otherName) {
        return nihii.equals(otherNihii) && name.equals(otherName);
    }

    void update(String newNihii, String newName) {
        this.nihii = newNihii;
        this.name = newName;
        this.nameLower = newName.toLowerCase(Locale.ROOT);
    }

    public String partyType() {
        return key.partyType;
    }

    public String partyId() {
        return key.partyId;
    }

    public String role() {
        return key.role;
    }

    public String nihii() {
        return nihii;
    }

    public String name() {
        return name;
    }
}
