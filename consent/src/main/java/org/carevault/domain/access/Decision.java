package org.carevault.domain.access;

import java.util.Objects;

/**
 * An access decision: the code, and for a permit the basis it rests on. A permit through
 * break-the-glass is recorded as such and shown to the patient.
 */
public record Decision(DecisionCode code, Basis basis) {

    /** Why a permit was given. */
    public enum Basis {
        /** The patient's own data. */
        OWN_DATA,
        /** A proxy acting for the patient (a parent for a child, a family member), in the patient's place. */
        PROXY,
        /** Consent and an active therapeutic relationship. */
        THERAPEUTIC_RELATIONSHIP,
        /** Consent and a valid break-the-glass reason, without a relationship. */
        BREAK_THE_GLASS,
        /** An operation that does not need a relationship (consent registration, one's own links, operators). */
        ROLE,
        /** The caller's own mailbox. */
        BOX_OWNER,
        /** Another's mailbox, under an active mandate its owner gave the caller. */
        MANDATE,
        /** Refused. */
        NONE
    }

    public Decision {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(basis, "basis");
        if ((code == DecisionCode.PERMIT) == (basis == Basis.NONE)) {
            throw new IllegalArgumentException("a permit has a basis, a refusal has none");
        }
    }

    public static Decision permit(Basis basis) {
        return new Decision(DecisionCode.PERMIT, basis);
    }

    public static Decision refuse(DecisionCode code) {
        return new Decision(code, Basis.NONE);
    }

    public boolean permitted() {
        return code == DecisionCode.PERMIT;
    }

    public boolean breakTheGlass() {
        return basis == Basis.BREAK_THE_GLASS;
    }
}
