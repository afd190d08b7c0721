package org.carevault.application.vault;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientRef;

/** A vaccination given to a patient, pushed by the physician, nurse or pharmacist who gave or recorded it. */
@Entity
@Table(name = "vaccination")
public class Vaccination extends PushedDocument {

    protected Vaccination() {
        // for JPA
    }

    Vaccination(UUID id, PatientRef patientRef, Caller author, Instant at, String documentDate, String sealedContent) {
        super(id, patientRef, author, at, documentDate, sealedContent);
    }
}
