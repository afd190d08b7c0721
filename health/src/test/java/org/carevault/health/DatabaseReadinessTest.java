package org.carevault.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The probe against a real (embedded) database, before and after a migration is recorded. */
class DatabaseReadinessTest {

    @Test
    void notReadyWithoutMigratedSchemaReadyAfter() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1");

        DatabaseReadiness.State before = DatabaseReadiness.probe(dataSource);
        assertTrue(before.connected());
        assertFalse(before.ready(), "no schema history yet");

        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:readiness");
                Statement statement = connection.createStatement()) {
            // the names as Flyway creates them: quoted, lower case
            statement.execute("CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT, \"version\" VARCHAR(50), "
                    + "\"success\" BOOLEAN)");
            statement.execute("INSERT INTO \"flyway_schema_history\" VALUES (1, '1', TRUE), (2, '2', FALSE)");
        }
        DatabaseReadiness.State after = DatabaseReadiness.probe(dataSource);
        assertTrue(after.ready());
        assertEquals("1", after.schemaVersion(), "a failed migration does not count");
    }

    @Test
    void anUnreachableDatabaseIsNotReady() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:/nonexistent/dir/db;IFEXISTS=TRUE");
        DatabaseReadiness.State state = DatabaseReadiness.probe(dataSource);
        assertFalse(state.connected());
        assertFalse(state.ready());
    }
}
