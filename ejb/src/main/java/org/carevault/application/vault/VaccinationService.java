package org.carevault.application.vault;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.access.BreakTheGlassReason;
import org.carevault.application.access.Checked;
import org.carevault.application.access.NoPatientData;
import org.carevault.application.access.OfPatient;
import org.carevault.application.access.PatientRefs;
import org.carevault.domain.Caller;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;

/**
 * A patient's vaccinations (PutTransaction / GetTransactionList / GetTransaction / RevokeTransaction with the
 * {@code vaccination} transaction type): a physician, nurse or pharmacist pushes one at a time; the list gives metadata
 * only, newest first; one is returned byte for byte as pushed; its author can revoke it (kept, marked revoked). Who may
 * do what is the access matrix's ({@code VACCINATION}).
 */
@Stateless
@LocalBean
public class VaccinationService implements PushedDocumentService {

    @Override
    @NoPatientData("the kind of document this service keeps")
    public String kind() {
        return "vaccination";
    }


    @Inject
    private VaultRepository vault;

    @EJB
    private PatientRefs refs;

    @EJB
    private VaultKeys keys;

    private PushedDocuments<Vaccination> documents;

    @PostConstruct
    void documents() {
        documents = new PushedDocuments<>(Vaccination.class, kind(), Vaccination::new, vault, keys, refs);
    }

    @Override
    @Checked(action = "PutTransaction", data = DataType.VACCINATION, operation = Operation.WRITE)
    public PushedDocuments.Entry put(Caller caller, @OfPatient PatientRef patient, byte[] kmehr,
            @BreakTheGlassReason Optional<String> breakTheGlass) {
        return documents.put(caller, patient, kmehr);
    }

    @Override
    @Checked(action = "GetTransactionList", data = DataType.VACCINATION, operation = Operation.READ)
    public List<PushedDocuments.Entry> list(Caller caller, @OfPatient PatientRef patient,
            @BreakTheGlassReason Optional<String> breakTheGlass) {
        return documents.list(patient);
    }

    /** The vaccination exactly as pushed (revoked ones too: they stay in the patient's history). */
    /** A vaccination with its message, for the patient's page. */
    public record Read(PushedDocuments.Entry entry, String kmehr) {
    }

    /**
     * The patient's vaccinations in force with their messages, newest first, in one decided and recorded read (the
     * patient's page shows them all; revoked ones are left out).
     */
    @Checked(action = "GetTransactionList", data = DataType.VACCINATION, operation = Operation.READ)
    public List<Read> history(Caller caller, @OfPatient PatientRef patient, @BreakTheGlassReason Optional<String> breakTheGlass) {
        return documents.list(patient).stream().filter(entry -> "ACTIVE".equals(entry.status()))
                .map(entry -> new Read(entry, documents.get(patient, entry.id()))).toList();
    }

    @Override
    @Checked(action = "GetTransaction", data = DataType.VACCINATION, operation = Operation.READ)
    public String get(Caller caller, @OfPatient PatientRef patient, UUID id, @BreakTheGlassReason Optional<String> breakTheGlass) {
        return documents.get(patient, id);
    }

    @Override
    @Checked(action = "RevokeTransaction", data = DataType.VACCINATION, operation = Operation.WRITE)
    public void revoke(Caller caller, @OfPatient PatientRef patient, UUID id, @BreakTheGlassReason Optional<String> breakTheGlass) {
        documents.revoke(caller, patient, id);
    }
}
