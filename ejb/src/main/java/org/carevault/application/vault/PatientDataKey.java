package org.carevault.application.vault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;
import org.carevault.crypto.atrest.DataKeyEscrow;
import org.carevault.crypto.atrest.WrappedShare;

/** A patient's data key as stored: two shares, each wrapped by a different custodian; never the key. */
@Entity
@Table(name = "patient_data_key")
public class PatientDataKey {

    @Id
    @Column(name = "patient_ref", nullable = false)
    private String patientRef;

    @Column(name = "first_custodian", nullable = false)
    private String firstCustodian;

    @Column(name = "first_key_version", nullable = false)
    private int firstKeyVersion;

    @Column(name = "first_share", nullable = false)
    private String firstShare;

    @Column(name = "second_custodian", nullable = false)
    private String secondCustodian;

    @Column(name = "second_key_version", nullable = false)
    private int secondKeyVersion;

    @Column(name = "second_share", nullable = false)
    private String secondShare;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PatientDataKey() {
        // for JPA
    }

    PatientDataKey(String patientRef, DataKeyEscrow.EscrowedKey escrowed, Instant at) {
        this.patientRef = patientRef;
        this.firstCustodian = escrowed.first().custodianId();
        this.firstKeyVersion = escrowed.first().keyVersion();
        this.firstShare = Base64.getEncoder().encodeToString(escrowed.first().wrapped());
        this.secondCustodian = escrowed.second().custodianId();
        this.secondKeyVersion = escrowed.second().keyVersion();
        this.secondShare = Base64.getEncoder().encodeToString(escrowed.second().wrapped());
        this.createdAt = at;
    }

    DataKeyEscrow.EscrowedKey escrowed() {
        return new DataKeyEscrow.EscrowedKey(
                new WrappedShare(firstCustodian, firstKeyVersion, Base64.getDecoder().decode(firstShare)),
                new WrappedShare(secondCustodian, secondKeyVersion, Base64.getDecoder().decode(secondShare)));
    }
}
