package org.carevault.application.access;

import jakarta.ejb.EJB;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Around every service call that reaches patient data: once the work is done, still inside the
 * transaction, the permits decided during the call are appended to the audit trail. The chain head
 * is then locked for the commit only, and a call that fails writes nothing and returns nothing.
 */
public class AuditedAccess {

    @EJB
    private AccessControl access;

    @AroundInvoke
    public Object appendAfterTheWork(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        access.appendPending();
        return result;
    }
}
