package org.carevault.application.vault;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientRef;

/** A Sumehr summary pushed for a patient (a hospital's or a physician's). */
@Entity
@Table(name = "sumehr")
public class Sumehr extends PushedDocument {

    protected Sumehr() {
        // for JPA
    }

    Sumehr(UUID id, PatientRef patientRef, Caller author, Instant at, String documentDate, String sealedContent) {
        super(id, patientRef, author, at, documentDate, sealedContent);
    }
}
