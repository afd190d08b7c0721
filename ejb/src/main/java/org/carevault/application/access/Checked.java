package org.carevault.application.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;

/**
 * Declares that a service method is decided by the decision point before it runs ({@link DecisionPoint}): what it does
 * in the words of the audit trail ({@link #action}), to which type of data ({@link #data}) and how ({@link #operation}).
 * The method takes the {@link org.carevault.domain.Caller}; the patient is its parameter marked {@link OfPatient} (or the
 * calling patient themselves: {@link #callersOwnRecord}), a break-the-glass reason its parameter marked
 * {@link BreakTheGlassReason}. Where the data type or the operation is what the caller asks about (CheckAccess),
 * {@link #data} or {@link #operation} is left empty and the method's parameter of that type gives it.
 * A declaration that does not fit its method stops the deployment ({@link AccessDeclarations}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Checked {

    /** The operation's name, as in the audit trail and the Belgian contracts (GetTransactionSet, …). */
    String action();

    /** The type of data: exactly one, or none when a {@code DataType} parameter names it. */
    DataType[] data() default {};

    /** Read or write: exactly one, or none when an {@code Operation} parameter names it. */
    Operation[] operation() default {};

    /** A change that only takes access away (a withdrawal is permitted where a new grant would not be). */
    boolean withdrawal() default false;

    /**
     * A patient (or their proxy) may do this only with a second factor in the session ({@code acr mfa}): changing
     * consent or proxies, exporting the audit trail. Care providers and operators are not concerned.
     */
    boolean strongAuthentication() default false;

    /** The patient is the calling patient themselves (a caller who is not a patient is refused). */
    boolean callersOwnRecord() default false;
}
