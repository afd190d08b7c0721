package org.carevault.domain.access;

import java.util.Objects;
import java.util.Optional;
import org.carevault.domain.Caller;
import org.carevault.domain.Role;

/**
 * Who may use a mailbox, as a pure function (the mailbox's sibling of {@link AccessPolicy}): deny unless every check
 * passes, in this order: authenticated; a care provider (patients and operators have no box); the caller's own box is
 * theirs; another's box only with an active mandate its owner gave the caller, and never for what belongs to the owner
 * alone (granting or ending mandates, absences, sending in the box's name).
 */
public final class BoxPolicy {

    /** A box: its owner and the quality it is held in (a physician who is also a hospital's nurse has two boxes). */
    public record Box(PartyKey owner, Role quality) {
        public Box {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(quality, "quality");
        }

        /** The caller's own box: their identifier, in the quality they act in. */
        public static Box of(Caller caller) {
            return new Box(PartyKey.of(caller.id()), caller.role());
        }

        /** {@code TYPE:ID:QUALITY}, as the mailbox writes a box (holds an SSIN: never log it). */
        public String written() {
            return owner.type() + ":" + owner.value() + ":" + quality.name();
        }

        @Override
        public String toString() {
            return owner + ":" + quality.name();
        }
    }

    /**
     * A request to use a box: who asks, whose box (empty: the caller's own), whether the owner gave the caller an active
     * mandate (looked up by the caller of the policy), and whether the operation is the owner's alone.
     */
    public record BoxRequest(Optional<Caller> caller, Optional<Box> box, boolean mandateHeld, boolean ownerOnly) {
        public BoxRequest {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(box, "box");
        }

        /** Whether the request names another's box than the caller's own (the only case a mandate matters). */
        public boolean namesAnothersBox() {
            return caller.isPresent() && box.isPresent() && !box.get().equals(Box.of(caller.get()));
        }
    }

    public Decision decide(BoxRequest request) {
        if (request.caller().isEmpty()) {
            return Decision.refuse(DecisionCode.NOT_AUTHENTICATED);
        }
        if (!request.caller().get().role().isCareProvider()) {
            return Decision.refuse(DecisionCode.ROLE_NOT_ALLOWED);
        }
        if (!request.namesAnothersBox()) {
            return Decision.permit(Decision.Basis.BOX_OWNER);
        }
        if (request.ownerOnly()) {
            return Decision.refuse(DecisionCode.ROLE_NOT_ALLOWED);
        }
        return request.mandateHeld() ? Decision.permit(Decision.Basis.MANDATE) : Decision.refuse(DecisionCode.NOT_MANDATED);
    }
}
