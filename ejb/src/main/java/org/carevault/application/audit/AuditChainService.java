package org.carevault.application.audit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Optional;
import org.carevault.application.access.AccessControl;
import org.carevault.application.access.AccessControl.Intent;
import org.carevault.domain.Caller;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;

/** VerifyAuditChain: an operator checks the whole audit chain; the check itself is recorded. */
@Stateless
@jakarta.interceptor.Interceptors(org.carevault.application.access.AuditedAccess.class)
public class AuditChainService {

    static final Intent VERIFY = Intent.of("VerifyAuditChain", DataType.AUDIT_TRAIL, Operation.READ);

    @EJB
    private AccessControl access;

    @EJB
    private AuditLog log;

    /** The first altered entry, or empty when every link holds. */
    public Optional<Long> verify(Caller caller) {
        access.authorize(caller, Optional.empty(), VERIFY);
        return log.verify();
    }
}
