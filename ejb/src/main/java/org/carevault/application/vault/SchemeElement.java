package org.carevault.application.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One element (medicationschemeelement or treatmentsuspension) of one version, its text encrypted. */
@Entity
@Table(name = "medication_scheme_element")
public class SchemeElement {

    /** Patient, version and position in the scheme. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "patient_ref", nullable = false)
        private String patientRef;

        @Column(name = "version", nullable = false)
        private long version;

        @Column(name = "position", nullable = false)
        private int position;

        protected Key() {
            // for JPA
        }

        Key(String patientRef, long version, int position) {
            this.patientRef = patientRef;
            this.version = version;
            this.position = position;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.patientRef.equals(patientRef) && key.version == version
                    && key.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(patientRef, version, position);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "element_id", nullable = false)
    private UUID elementId;

    @Column(name = "kind", nullable = false)
    private String kind;

    @Column(name = "content", nullable = false)
    private String content;

    protected SchemeElement() {
        // for JPA
    }

    SchemeElement(String patientRef, long version, int position, UUID elementId, String kind, String sealedContent) {
        this.key = new Key(patientRef, version, position);
        this.elementId = elementId;
        this.kind = kind;
        this.content = sealedContent;
    }

    public UUID elementId() {
        return elementId;
    }

    public String kind() {
        return kind;
    }

    int position() {
        return key.position;
    }

    String sealedContent() {
        return content;
    }
}
