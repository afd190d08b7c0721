package org.carevault.domain.access;

import java.util.Optional;
import java.util.Set;
import org.carevault.domain.Role;

/**
 * Emergency access without a therapeutic relationship: only physicians and nurses, only with a
 * reason of 10 to 200 characters (after trimming, printable text only), and never past the
 * patient's consent or exclusions.
 */
public final class BreakTheGlass {

    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 200;
    private static final Set<Role> ROLES = Set.of(Role.PHYSICIAN, Role.NURSE);

    private BreakTheGlass() {
    }

    public static boolean allowedFor(Role role) {
        return ROLES.contains(role);
    }

    /** The reason as it will be recorded, if it is acceptable. */
    public static Optional<String> validReason(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        String trimmed = reason.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        boolean printable = trimmed.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.UNASSIGNED);
        return length >= MIN_REASON && length <= MAX_REASON && printable ? Optional.of(trimmed) : Optional.empty();
    }
}
