package org.carevault.domain.access;

import java.util.Objects;
import java.util.Optional;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientRef;

/**
 * One request to decide: who asks (empty when unauthenticated), about which patient (empty for
 * data that belongs to no patient), what and how, and the break-the-glass reason if one was given.
 * {@code callerAsPatient} is the caller's own patient reference when the caller is a patient. A
 * {@code withdrawal} only takes access away (revoking a relationship): it needs neither consent nor
 * the absence of an exclusion. {@code strongAuthentication}: a patient (or their proxy) may do this only after a
 * second factor in the session (changing consent or proxies, exporting the log).
 */
public record AccessRequest(Optional<Caller> caller, Optional<PatientRef> callerAsPatient, Optional<PatientRef> patient,
        DataType dataType, Operation operation, Optional<String> breakTheGlassReason, boolean withdrawal,
        boolean strongAuthentication) {

    public AccessRequest(Optional<Caller> caller, Optional<PatientRef> callerAsPatient, Optional<PatientRef> patient,
            DataType dataType, Operation operation, Optional<String> breakTheGlassReason) {
        this(caller, callerAsPatient, patient, dataType, operation, breakTheGlassReason, false, false);
    }

    public AccessRequest(Optional<Caller> caller, Optional<PatientRef> callerAsPatient, Optional<PatientRef> patient,
            DataType dataType, Operation operation, Optional<String> breakTheGlassReason, boolean withdrawal) {
        this(caller, callerAsPatient, patient, dataType, operation, breakTheGlassReason, withdrawal, false);
    }

    public AccessRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerAsPatient, "callerAsPatient");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(breakTheGlassReason, "breakTheGlassReason");
    }
}
