package org.carevault.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.application.vault.PushedDocuments.Entry;
import org.carevault.application.vault.VaccinationService;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientRef;

/** Vaccinations, pushed one at a time by physicians, nurses and pharmacists ({@link PushedDocumentResource}). */
@Path("/patients/{patientRef}/vaccinations")
@RequestScoped
public class VaccinationResource extends PushedDocumentResource {

    @EJB
    private VaccinationService vaccinations;

    @Override
    Entry put(Caller caller, PatientRef patient, byte[] kmehr, Optional<String> breakTheGlass) {
        return vaccinations.put(caller, patient, kmehr, breakTheGlass);
    }

    @Override
    List<Entry> list(Caller caller, PatientRef patient, Optional<String> breakTheGlass) {
        return vaccinations.list(caller, patient, breakTheGlass);
    }

    @Override
    String get(Caller caller, PatientRef patient, UUID id, Optional<String> breakTheGlass) {
        return vaccinations.get(caller, patient, id, breakTheGlass);
    }

    @Override
    void revoke(Caller caller, PatientRef patient, UUID id, Optional<String> breakTheGlass) {
        vaccinations.revoke(caller, patient, id, breakTheGlass);
    }
}
