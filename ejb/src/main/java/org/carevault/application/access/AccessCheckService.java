package org.carevault.application.access;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Optional;
import org.carevault.application.access.AccessControl.Intent;
import org.carevault.domain.Caller;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Decision;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;

/**
 * CheckAccess: medical software asks whether it may read or write a type of the patient's data
 * before doing so. The decision is the real one, taken and recorded like any access (so the patient
 * sees the question in their trail); a refusal comes back as its coded error.
 */
@Stateless
@jakarta.interceptor.Interceptors(org.carevault.application.access.AuditedAccess.class)
public class AccessCheckService {

    @EJB
    private AccessControl access;

    public Decision check(Caller caller, PatientRef patient, DataType dataType, Operation operation,
            Optional<String> breakTheGlassReason) {
        return access.authorize(caller, Optional.of(patient),
                new Intent("CheckAccess", dataType, operation, breakTheGlassReason));
    }
}
