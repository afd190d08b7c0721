package org.carevault.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The migrations apply on H2 in its own mode and in PostgreSQL compatibility mode (a stand-in until
 * the PostgreSQL issue runs them against a real server), and are idempotent on a second start.
 */
class MigrationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
    void migrationsApplyAndEnforceTheirConstraints(String mode) throws SQLException {
        String url = "jdbc:h2:mem:migrations" + mode.hashCode() + ";DB_CLOSE_DELAY=-1" + mode;
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();

        MigrateResult first = flyway.migrate();
        assertTrue(first.migrationsExecuted >= 1);
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second start applies nothing");

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO caller_preference VALUES ('SSIN', '72081012378', 'nl', CURRENT_TIMESTAMP, 0)");
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO caller_preference VALUES ('SSIN', '85021445650', 'xx', CURRENT_TIMESTAMP, 0)"),
                    "an unknown language is refused by the schema itself");
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO caller_preference VALUES ('SSIN', '72081012378', 'fr', CURRENT_TIMESTAMP, 0)"),
                    "one preference row per party");
        }
    }
}
