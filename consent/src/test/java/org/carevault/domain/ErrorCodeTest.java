package org.carevault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.code().matches("CV-[A-Z]+-\\d{3}"), code.code());
            assertTrue(seen.add(code.code()), "duplicate " + code.code());
        }
        assertEquals(ErrorCode.values().length, seen.size());
    }

    @Test
    void codesMapBackToTheirErrors() {
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(code, ErrorCode.fromCode(code.code()));
        }
        assertEquals(ErrorCode.INTERNAL, ErrorCode.fromCode("CV-NOPE-999"));
    }

    @Test
    void theHubsOwnFailuresAreExactlyTheSystemCodes() {
        Arrays.stream(ErrorCode.values()).forEach(c -> assertEquals(c.code().startsWith("CV-SYS-"), !c.callersFault(),
                c.code()));
    }
}
