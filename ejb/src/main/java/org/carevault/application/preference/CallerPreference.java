package org.carevault.application.preference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.carevault.domain.access.PartyKey;

/** A caller's stored preferences, keyed by the party's identifier. */
@Entity
@Table(name = "caller_preference")
public class CallerPreference {

    @EmbeddedId
    private Key key;

    @Column(name = "language", nullable = false, length = 2)
    private String language;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CallerPreference() {
    }

    CallerPreference(PartyKey party, Language language, OffsetDateTime now) {
        this.key = Key.of(party);
        change(language, now);
    }

    void change(Language newLanguage, OffsetDateTime now) {
        this.language = newLanguage.code();
        this.updatedAt = now;
    }

    public Language language() {
        return Language.fromCode(language).orElse(Language.EN);
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /** The party an entry belongs to, as stored. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "party_type", nullable = false, length = 8)
        private String partyType;

        @Column(name = "party_value", nullable = false, length = 24)
        private String partyValue;

        protected Key() {
        }

        static Key of(PartyKey party) {
            Key key = new Key();
            key.partyType = party.type();
            key.partyValue = party.value();
            return key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.partyType.equals(partyType) && k.partyValue.equals(partyValue);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partyType, partyValue);
        }
    }
}
