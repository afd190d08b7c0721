package org.carevault.application.access;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.carevault.domain.Caller;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Decision;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;

/**
 * CheckAccess: medical software asks whether it may read or write a type of the patient's data
 * before doing so. The decision is the real one, taken and recorded like any access (so the patient
 * sees the question in their trail); a refusal comes back as its coded error. And the decision point's
 * counters, for operators.
 */
@Stateless
public class AccessCheckService {

    @Inject
    private AccessControl access;

    @Inject
    private AccessMetrics metrics;

    /** The permit the decision point gave for the data type and operation asked about. */
    @Checked(action = "CheckAccess")
    public Decision check(Caller caller, @OfPatient PatientRef patient, DataType dataType, Operation operation,
            @BreakTheGlassReason Optional<String> breakTheGlassReason) {
        return access.currentDecision();
    }

    /** The decision point's counters since this node started (operators only). */
    @Checked(action = "GetAccessMetrics", data = DataType.OPERATIONS, operation = Operation.READ)
    public AccessMetrics.Snapshot metrics(Caller caller) {
        return metrics.snapshot();
    }
}
