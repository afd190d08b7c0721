package org.carevault.application.audit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carevault.application.access.AccessControl;
import org.carevault.application.access.AccessControl.Intent;
import org.carevault.domain.Caller;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.access.PartyKey;
import org.carevault.domain.consent.PatientRef;

/** GetPatientAuditTrail: the patient (or an operator) reads who did what about the patient, and when. */
@Stateless
@jakarta.interceptor.Interceptors(org.carevault.application.access.AuditedAccess.class)
public class AuditTrailService {

    static final Intent GET = Intent.of("GetPatientAuditTrail", DataType.AUDIT_TRAIL, Operation.READ);
    public static final int MAX_PAGE = 500;

    @EJB
    private AccessControl access;

    @EJB
    private AuditLog log;

    public List<AuditEntry> trail(Caller caller, PatientRef patient, Optional<Instant> from, Optional<Instant> to,
            Optional<PartyKey> party, boolean breakTheGlassOnly, int offset, int limit) {
        access.authorize(caller, Optional.of(patient), GET);
        return log.trail(patient, from, to, party, breakTheGlassOnly, Math.max(0, offset),
                Math.max(1, Math.min(MAX_PAGE, limit)));
    }
}
