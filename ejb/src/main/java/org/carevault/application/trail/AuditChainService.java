package org.carevault.application.trail;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Optional;
import org.carevault.application.access.Checked;
import org.carevault.application.audit.AuditLog;
import org.carevault.domain.Caller;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;

/** VerifyAuditChain: an operator checks the whole audit chain; the check itself is recorded. */
@Stateless
public class AuditChainService {

    @EJB
    private AuditLog log;

    /** The first altered entry, or empty when every link holds. */
    @Checked(action = "VerifyAuditChain", data = DataType.AUDIT_TRAIL, operation = Operation.READ)
    public Optional<Long> verify(Caller caller) {
        return log.verify();
    }
}
