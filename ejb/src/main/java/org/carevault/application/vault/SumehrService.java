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
 * Sumehr summaries (PutTransaction / GetTransactionList / GetTransaction / RevokeTransaction): a
 * hospital or physician pushes one; the list gives metadata only, newest first, the latest active
 * one flagged; a summary is returned byte for byte as pushed; its author can revoke it (kept, marked
 * revoked, never the latest).
 */
@Stateless
@LocalBean
public class SumehrService implements PushedDocumentService {

    @Override
    @NoPatientData("the kind of document this service keeps")
    public String kind() {
        return "sumehr";
    }


    @Inject
    private VaultRepository vault;

    @EJB
    private PatientRefs refs;

    @EJB
    private VaultKeys keys;

    private PushedDocuments<Sumehr> documents;

    @PostConstruct
    void documents() {
        documents = new PushedDocuments<>(Sumehr.class, kind(), Sumehr::new, vault, keys, refs);
    }

    @Override
    @Checked(action = "PutTransaction", data = DataType.SUMEHR, operation = Operation.WRITE)
    public PushedDocuments.Entry put(Caller caller, @OfPatient PatientRef patient, byte[] kmehr,
            @BreakTheGlassReason Optional<String> breakTheGlass) {
        return documents.put(caller, patient, kmehr);
    }

    @Override
    @Checked(action = "GetTransactionList", data = DataType.SUMEHR, operation = Operation.READ)
    public List<PushedDocuments.Entry> list(Caller caller, @OfPatient PatientRef patient,
            @BreakTheGlassReason Optional<String> breakTheGlass) {
        return documents.list(patient);
    }

    /** The summary exactly as pushed (revoked ones too: they stay in the patient's history). */
    @Override
    @Checked(action = "GetTransaction", data = DataType.SUMEHR, operation = Operation.READ)
    public String get(Caller caller, @OfPatient PatientRef patient, UUID id, @BreakTheGlassReason Optional<String> breakTheGlass) {
        return documents.get(patient, id);
    }

    @Override
    @Checked(action = "RevokeTransaction", data = DataType.SUMEHR, operation = Operation.WRITE)
    public void revoke(Caller caller, @OfPatient PatientRef patient, UUID id, @BreakTheGlassReason Optional<String> breakTheGlass) {
        documents.revoke(caller, patient, id);
    }
}
