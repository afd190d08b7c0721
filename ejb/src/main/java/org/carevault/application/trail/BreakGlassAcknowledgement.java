package org.carevault.application.trail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Up to which audit entry a patient has seen the break-the-glass accesses to their data. */
@Entity
@Table(name = "break_glass_acknowledgement")
public class BreakGlassAcknowledgement {

    @Id
    @Column(name = "patient_ref")
    private String patientRef;

    @Column(name = "acknowledged_to", nullable = false)
    private long acknowledgedTo;

    @Column(name = "acknowledged_at", nullable = false)
    private Instant acknowledgedAt;

    protected BreakGlassAcknowledgement() {
        // for JPA
    }

    BreakGlassAcknowledgement(String patientRef) {
        this.patientRef = patientRef;
        this.acknowledgedTo = -1;
        this.acknowledgedAt = Instant.EPOCH;
    }

    long acknowledgedTo() {
        return acknowledgedTo;
    }

    void acknowledge(long upTo, Instant at) {
        if (upTo > acknowledgedTo) {
            acknowledgedTo = upTo;
            acknowledgedAt = at;
        }
    }
}
