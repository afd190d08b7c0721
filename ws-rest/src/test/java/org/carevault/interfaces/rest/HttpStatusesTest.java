package org.carevault.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.carevault.domain.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every error's HTTP status agrees with the kind the domain gives it. */
class HttpStatusesTest {

    private static final Map<ErrorCode.Kind, Set<Integer>> ALLOWED = Map.of(
            ErrorCode.Kind.UNAUTHENTICATED, Set.of(401),
            ErrorCode.Kind.REFUSED, Set.of(403),
            ErrorCode.Kind.INVALID, Set.of(400, 405, 406, 415, 422, 428),
            ErrorCode.Kind.NOT_FOUND, Set.of(404),
            ErrorCode.Kind.CONFLICT, Set.of(409, 412),
            ErrorCode.Kind.TOO_LARGE, Set.of(413),
            ErrorCode.Kind.SYSTEM, Set.of(500, 503));

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void theStatusAgreesWithTheKind(ErrorCode code) {
        int status = HttpStatuses.of(code);
        assertTrue(ALLOWED.get(code.kind()).contains(status), code + " " + code.kind() + " → " + status);
    }
}
