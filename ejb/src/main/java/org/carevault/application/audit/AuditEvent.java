package org.carevault.application.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.access.Decision;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;

/**
 * What one audit entry records: when, through which channel and operation (its integrator-facing
 * name, e.g. PutTherapeuticLink), who (identity, role, organisation, name — a patient acting is
 * named by their patient reference only, {@code callerAsPatient}), about which patient,
 * what and how, the decision and its basis, the break-the-glass reason, and the id of the object
 * changed, if any; for a mailbox decision, whose box was used (its written form {@code TYPE:ID:QUALITY}), so that the
 * box's owner sees who used or tried to use it.
 */
public record AuditEvent(Instant at, Channel channel, String action, Optional<Caller> caller,
        Optional<PatientRef> callerAsPatient, Optional<PatientRef> patient, DataType dataType, Operation operation,
        Decision decision, Optional<String> breakTheGlassReason, Optional<String> subjectId, Optional<String> subjectBox) {

    /** An event about no box. */
    public AuditEvent(Instant at, Channel channel, String action, Optional<Caller> caller,
            Optional<PatientRef> callerAsPatient, Optional<PatientRef> patient, DataType dataType, Operation operation,
            Decision decision, Optional<String> breakTheGlassReason, Optional<String> subjectId) {
        this(at, channel, action, caller, callerAsPatient, patient, dataType, operation, decision, breakTheGlassReason,
                subjectId, Optional.empty());
    }

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerAsPatient, "callerAsPatient");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(breakTheGlassReason, "breakTheGlassReason");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(subjectBox, "subjectBox");
    }

    /**
     * What chooses the entry's chain: the patient it is about, else the patient acting, else the box used,
     * else the professional or organisation acting, else the action (the hub's own jobs). One patient's (one
     * box's) entries are so always in one chain, in the order they were written.
     */
    public String chainKey() {
        return patient.or(() -> callerAsPatient).map(PatientRef::value).or(() -> subjectBox)
                .or(() -> caller.map(c -> PartyKey.of(c.id())).map(key -> key.type() + ':' + key.value()))
                .orElse(action);
    }

    public AuditEvent withSubject(String id) {
        return new AuditEvent(at, channel, action, caller, callerAsPatient, patient, dataType, operation, decision,
                breakTheGlassReason, Optional.of(id), subjectBox);
    }
}
