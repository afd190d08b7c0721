package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.vault.PushedDocuments.Entry;
import org.carevault.application.vault.SumehrService;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientRef;

/** Sumehr summaries, pushed by physicians and hospitals ({@link PushedDocumentResource}). */
@Path("/patients/{patientRef}/sumehrs")
@RequestScoped
public class SumehrResource extends PushedDocumentResource {

    @EJB
    private SumehrService sumehrs;

    @Override
    Entry put(Caller caller, PatientRef patient, byte[] kmehr, Optional<String> breakTheGlass) {
        return sumehrs.put(caller, patient, kmehr, breakTheGlass);
    }

    @Override
    List<Entry> list(Caller caller, PatientRef patient, Optional<String> breakTheGlass) {
        return sumehrs.list(caller, patient, breakTheGlass);
    }

    @Override
    String get(Caller caller, PatientRef patient, UUID id, Optional<String> breakTheGlass) {
        return sumehrs.get(caller, patient, id, breakTheGlass);
    }

    @Override
    void revoke(Caller caller, PatientRef patient, UUID id, Optional<String> breakTheGlass) {
        sumehrs.revoke(caller, patient, id, breakTheGlass);
    }
}
