package org.carevault.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void aDatabaseErrorQuotingAnSsinIsLoggedWithoutIt() {
        Exception error = new IllegalStateException("insert failed",
                new SQLException("Unique index violation: VALUES ('SSIN', '72081012378')"));
        String logged = LogSafe.describe(error);

        assertFalse(logged.contains("72081012378"), logged);
        assertTrue(logged.contains("java.sql.SQLException: Unique index violation: VALUES ('SSIN', '[number]')"), logged);
        assertTrue(logged.contains("at org.carevault.domain.LogSafeTest"), "frames are kept: " + logged);
    }

    @Test
    void shortNumbersAndNullMessagesPass() {
        assertTrue(LogSafe.mask("port 8080, version 1").equals("port 8080, version 1"));
        assertTrue(LogSafe.describe(new RuntimeException()).startsWith("java.lang.RuntimeException"));
    }
}
