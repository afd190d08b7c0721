package org.carevault.application.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The current version of a patient's medication scheme (what GetLatestUpdate answers). */
@Entity
@Table(name = "medication_scheme")
public class SchemeHead {

    @Id
    @Column(name = "patient_ref", nullable = false)
    private String patientRef;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SchemeHead() {
        // for JPA
    }

    SchemeHead(String patientRef, long version, Instant at) {
        this.patientRef = patientRef;
        this.version = version;
        this.updatedAt = at;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
