package org.carevault.domain.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.carevault.domain.Assurance;
import org.carevault.domain.Caller;
import org.carevault.domain.Role;

/**
 * The access decision, as a pure function of the request, the patient's state and the time. Deny
 * unless every check passes, in this order: authenticated; a break-the-glass reason, when one is
 * given, is well-formed (a malformed one is refused whatever else would permit); the role may do this to this type of
 * data (the matrix); a patient only reaches their own data; for a care provider, an exclusion by
 * the patient refuses everything about health data and relationships (it wins over a relationship
 * and over break-the-glass); health data and new relationships (not revocations) need consent; health data needs an
 * active relationship in the caller's role, or a valid break-the-glass reason from a physician or
 * nurse. A caller with an active relationship who also gives a reason is permitted by the
 * relationship (basis THERAPEUTIC_RELATIONSHIP): the emergency access was not needed, so the
 * patient is not notified of one; the reason is still recorded with the entry.
 *
 * <p>Step-up: a patient (or their proxy) who would be permitted to change consent or proxies, or to take the trail
 * away, is refused unless they authenticated with a second factor in this session; care providers and operators are
 * not concerned.
 */
public final class AccessPolicy {

    private final AccessMatrix matrix;

    public AccessPolicy(AccessMatrix matrix) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
    }

    public Decision decide(AccessRequest request, PatientAccessState state, Instant now) {
        if (request.caller().isEmpty()) {
            return Decision.refuse(DecisionCode.NOT_AUTHENTICATED);
        }
        Caller caller = request.caller().get();
        Optional<String> reason = request.breakTheGlassReason();
        if (reason.isPresent() && BreakTheGlass.validReason(reason.get()).isEmpty()) {
            return Decision.refuse(DecisionCode.BREAK_GLASS_REASON_INVALID);  // malformed, whatever else would permit
        }
        if (!matrix.allows(caller.role(), request.dataType(), request.operation())) {
            return Decision.refuse(DecisionCode.ROLE_NOT_ALLOWED);
        }
        if (caller.role() == Role.PATIENT) {
            Decision decision = decideForPatient(request, state, now);
            // Step-up: what a patient may do, they may do only with a second factor when the request says so.
            return decision.permitted() && request.strongAuthentication() && caller.assurance() != Assurance.MULTI_FACTOR
                    ? Decision.refuse(DecisionCode.STRONG_AUTHENTICATION_REQUIRED) : decision;
        }
        if (!caller.role().isCareProvider() || request.patient().isEmpty()) {
            return Decision.permit(Decision.Basis.ROLE);
        }
        return decideForCareProvider(request, caller, state, now);
    }

    private static Decision decideForPatient(AccessRequest request, PatientAccessState state, Instant now) {
        if (request.patient().isEmpty() || request.callerAsPatient().isEmpty()) {
            return Decision.refuse(DecisionCode.ROLE_NOT_ALLOWED);
        }
        if (request.patient().equals(request.callerAsPatient())) {
            return Decision.permit(Decision.Basis.OWN_DATA);
        }
        boolean proxy = state.hasProxy(request.callerAsPatient().get().value(), now);
        boolean changesProxies = request.dataType() == DataType.PROXY && request.operation() == Operation.WRITE;
        return proxy && !changesProxies ? Decision.permit(Decision.Basis.PROXY) : Decision.refuse(DecisionCode.ROLE_NOT_ALLOWED);
    }

    private Decision decideForCareProvider(AccessRequest request, Caller caller, PatientAccessState state, Instant now) {
        PartyKey party = PartyKey.of(caller.id());
        DataType type = request.dataType();
        boolean newRelationship = type == DataType.THERAPEUTIC_LINK && request.operation() == Operation.WRITE
                && !request.withdrawal();
        if (!type.isHealthData() && !newRelationship) {
            return Decision.permit(Decision.Basis.ROLE);
        }
        if (state.excludes(party)) {
            return Decision.refuse(DecisionCode.EXCLUDED);
        }
        if (!state.consent()) {
            return Decision.refuse(DecisionCode.NO_CONSENT);
        }
        if (newRelationship) {
            return Decision.permit(Decision.Basis.ROLE);
        }
        if (state.hasRelationship(party, caller.role(), now)) {
            return Decision.permit(Decision.Basis.THERAPEUTIC_RELATIONSHIP);
        }
        Optional<String> reason = request.breakTheGlassReason();
        if (reason.isEmpty()) {
            return Decision.refuse(DecisionCode.NO_THERAPEUTIC_RELATIONSHIP);
        }
        return BreakTheGlass.allowedFor(caller.role())
                ? Decision.permit(Decision.Basis.BREAK_THE_GLASS)
                : Decision.refuse(DecisionCode.ROLE_NOT_ALLOWED);
    }
}
