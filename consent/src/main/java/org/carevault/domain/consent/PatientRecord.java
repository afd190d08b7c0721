package org.carevault.domain.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row per patient the hub has seen a change for: the lock that serialises changes to that
 * patient's consent, relationships and exclusions (so two concurrent registrations cannot both
 * create an active consent), and a change counter.
 */
@Entity
@Table(name = "patient_record")
public class PatientRecord {

    @Id
    @Column(name = "patient_ref", length = 24, nullable = false)
    private String patientRef;

    @Column(name = "changes", nullable = false)
    private long changes;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected PatientRecord() {
        // for JPA
    }

    public PatientRecord(PatientRef patient, Instant at) {
        this.patientRef = patient.value();
        this.changedAt = at;
    }

    public void changed(Instant at) {
        changes++;
        changedAt = at;
    }
}
