package org.carevault.application.access;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import org.carevault.application.access.AccessControl.Intent;
import org.carevault.domain.Caller;
import org.carevault.domain.access.BoxPolicy;
import org.carevault.domain.access.Decision;
import org.carevault.domain.consent.PatientRef;

/**
 * The one interceptor around every call of the application's session beans (a default interceptor, ejb-jar.xml): it
 * reads the method's declaration ({@link Declarations}) and, for a {@link Checked} method, has {@link AccessControl}
 * decide before the method runs — a refusal is recorded in its own transaction and thrown as its coded error, the
 * method never runs; a permit's entry is appended to the audit trail in the call's transaction once the work is done
 * (no audit, no access: a call that fails writes nothing and returns nothing). {@link NoPatientData} methods run as
 * they are; {@link OfBox} methods have their box decided first ({@link AccessControl#authorizeBox}), and a message that
 * names a patient is decided by the method for that patient. Undeclared methods of a service cannot exist: the
 * deployment stops ({@link AccessDeclarations}).
 */
public class DecisionPoint {

    /** The checked call being served on this thread (a service may call another: a stack). */
    record Call(Caller caller, PatientRef patient, Intent intent, Decision decision) {
    }

    private static final ThreadLocal<Deque<Call>> CALLS = ThreadLocal.withInitial(ArrayDeque::new);

    @Inject
    private AccessControl access;

    /**
     * The service's own method: called through a business interface (IntraHub reaches the pushed-document services
     * through theirs), the container names the interface's method, which carries no declaration; the bean's does.
     */
    private static java.lang.reflect.Method declaredOn(InvocationContext invocation) {
        java.lang.reflect.Method method = invocation.getMethod();
        if (method.getDeclaringClass().isInterface() && invocation.getTarget() != null) {
            try {
                return invocation.getTarget().getClass().getMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                return method;  // undeclared: refused as such
            }
        }
        return method;
    }

    @AroundInvoke
    public Object decide(InvocationContext invocation) throws Exception {
        Declarations.Declared declared = Declarations.of(declaredOn(invocation));
        if (declared instanceof Declarations.Decided decided) {
            return decided(invocation, decided);
        }
        if (declared instanceof Declarations.BoxCall box) {
            Object[] arguments = invocation.getParameters();
            Optional<BoxPolicy.Box> named = box.box() < 0 ? Optional.empty()
                    : ((Optional<?>) Objects.requireNonNull(arguments[box.box()], "box")).map(b -> ((NamesBox) b).box());
            access.authorizeBox((Caller) arguments[box.caller()], named, box.action(), box.operation(), box.box() < 0);
            Object result = invocation.proceed();
            access.appendPending();
            return result;
        }
        return invocation.proceed();
    }

    private Object decided(InvocationContext invocation, Declarations.Decided decided) throws Exception {
        Object[] arguments = invocation.getParameters();
        Caller caller = (Caller) arguments[decided.caller()];
        Intent intent = decided.intent(arguments);
        Optional<PatientRef> patient = decided.callersOwnRecord() ? Optional.of(access.ownRecord(caller, intent))
                : decided.patient(arguments);
        Decision decision = access.authorize(caller, patient, intent);
        Deque<Call> calls = CALLS.get();
        calls.push(new Call(caller, patient.orElse(null), intent, decision));
        try {
            Object result = invocation.proceed();
            access.appendPending();
            return result;
        } finally {
            calls.pop();
            if (calls.isEmpty()) {
                CALLS.remove();
            }
        }
    }

    /** The checked call this thread is serving: what a service records a change against. */
    static Call current() {
        Deque<Call> calls = CALLS.get();
        Call call = calls.peek();
        if (call == null) {
            CALLS.remove();
            throw new IllegalStateException("no checked call is being served");
        }
        return call;
    }
}
