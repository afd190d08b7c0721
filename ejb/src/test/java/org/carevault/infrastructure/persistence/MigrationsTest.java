package org.carevault.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The migrations apply on H2 in its own mode and in PostgreSQL compatibility mode, and are idempotent on a second
 * start; a database migrated with a migration's first text (an earlier demo's) still starts. On a real PostgreSQL
 * server they run in the wire suite's PostgreSQL profile ({@code PostgresSchemaIT}).
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

    /**
     * The directory of known care providers starts from the audit trail of a hub that ran before it existed: each
     * professional once per role with a NIHII and name, no patient, nobody without a NIHII.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
    void knownProfessionalsAreTakenFromTheExistingTrail(String mode) throws SQLException {
        String url = "jdbc:h2:mem:directory" + mode.hashCode() + ";DB_CLOSE_DELAY=-1" + mode;
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("13").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            String columns = "INSERT INTO audit_entry (seq, occurred_at, channel, action, caller_type, caller_id, caller_role,"
                    + " caller_nihii, caller_name, data_type, operation, decision, basis, hash) VALUES ";
            statement.execute(columns + "(1, CURRENT_TIMESTAMP, 'REST', 'CheckAccess', 'SSIN', '72081012378', 'PHYSICIAN',"
                    + " '12345625004', 'Jan Peeters', 'MEDICATION_SCHEME', 'READ', 'PERMIT', 'ROLE', 'h1')");
            statement.execute(columns + "(2, CURRENT_TIMESTAMP, 'SOAP', 'CheckAccess', 'SSIN', '72081012378', 'PHYSICIAN',"
                    + " '12345625004', 'Jan Peeters', 'MEDICATION_SCHEME', 'READ', 'NO_CONSENT', 'NONE', 'h2')");
            statement.execute(columns + "(3, CURRENT_TIMESTAMP, 'REST', 'PutSumehr', 'NIHII', '71099812', 'HOSPITAL',"
                    + " '71099812', 'AZ Demo', 'SUMEHR', 'WRITE', 'PERMIT', 'ROLE', 'h3')");
            statement.execute(columns + "(4, CURRENT_TIMESTAMP, 'PORTAL', 'GetPatientConsent', 'PATIENT',"
                    + " 'AAAAAAAAAAAAAAAAAAAAAAAA', 'PATIENT', NULL, NULL, 'CONSENT', 'READ', 'PERMIT', 'OWN_DATA', 'h4')");
            statement.execute(columns + "(5, CURRENT_TIMESTAMP, 'REST', 'GetAccessMetrics', 'SSIN', '80010100107', 'ADMIN',"
                    + " NULL, 'Hub Operator', 'OPERATIONS', 'READ', 'PERMIT', 'ROLE', 'h5')");
        }
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            assertEquals(List.of("NIHII|71099812|HOSPITAL|71099812|AZ Demo|az demo",
                    "SSIN|72081012378|PHYSICIAN|12345625004|Jan Peeters|jan peeters"), rows(statement,
                    "SELECT party_type, party_id, role, nihii, name, name_lower FROM known_professional ORDER BY party_id"));
        }
    }

    /**
     * A trail written before the split into chains becomes chain 0, closed, each entry at the position of its
     * sequence number; chains 1 to 16 start empty, their sequence numbers after the last of chain 0, interleaved.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
    void theTrailSoFarBecomesChainZero(String mode) throws SQLException {
        String url = "jdbc:h2:mem:chains" + mode.hashCode() + ";DB_CLOSE_DELAY=-1" + mode;
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("15").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            for (int seq = 0; seq < 3; seq++) {
                statement.execute("INSERT INTO audit_entry (seq, occurred_at, channel, action, data_type, operation, decision,"
                        + " basis, hash) VALUES (" + seq + ", CURRENT_TIMESTAMP, 'BATCH', 'ExpireMessages', 'MESSAGE', 'WRITE',"
                        + " 'PERMIT', 'ROLE', 'h" + seq + "')");
            }
            statement.execute("UPDATE audit_head SET seq = 2, hash = 'h2'");
        }
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            assertEquals(List.of("0|0|0", "1|0|1", "2|0|2"), rows(statement,
                    "SELECT seq, chain_no, chain_pos FROM audit_entry ORDER BY seq"));
            assertEquals(List.of("0|2|2|h2|0|1", "1|-1|-1|" + "0".repeat(64) + "|3|16", "16|-1|-1|" + "0".repeat(64) + "|18|16"),
                    rows(statement, "SELECT id, seq, chain_pos, hash, seq_base, seq_step FROM audit_head WHERE id IN (0, 1, 16)"
                            + " ORDER BY id"));
            assertEquals(List.of("17"), rows(statement, "SELECT COUNT(*) FROM audit_head"));
            assertThrows(SQLException.class, () -> statement.execute("INSERT INTO audit_entry (seq, chain_no, chain_pos,"
                    + " occurred_at, channel, action, data_type, operation, decision, basis, hash) VALUES (3, 0, 2,"
                    + " CURRENT_TIMESTAMP, 'BATCH', 'x', 'MESSAGE', 'WRITE', 'PERMIT', 'ROLE', 'h')"), "one entry per position");
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    columns.add(rows.getString(i));
                }
                found.add(String.join("|", columns));
            }
        }
        return found;
    }

    /**
     * An H2 database made by an earlier version, whose V8 ran with its first text (VARCHAR(16000000), which
     * PostgreSQL refuses): Flyway alone refuses it for the changed checksum; with {@link MigrationEdits} it starts
     * and migrates on, and only that exact pair of checksums is accepted.
     */
    @Test
    void aDatabaseMadeWithTheFirstTextOfV8StillStarts(@TempDir Path firstTexts) throws Exception {
        Files.writeString(firstTexts.resolve("V8__vault_sumehr.sql"), firstTextOfV8());
        String url = "jdbc:h2:mem:firstv8;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("7").load().migrate();
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + firstTexts)
                .ignoreMigrationPatterns("*:missing").target("8").load().migrate();
        assertEquals(MigrationEdits.EDITS.get(0).shipped(), checksumOf(url, "8"), "the checksum the first V8 left");

        Flyway today = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
        assertThrows(FlywayException.class, today::migrate, "Flyway alone refuses the changed V8");

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(1, MigrationEdits.apply(connection));
            assertEquals(0, MigrationEdits.apply(connection), "a second start changes nothing");
        }
        assertTrue(today.migrate().migrationsExecuted >= 6, "V9 and later applied after the accepted V8");
        assertEquals(MigrationEdits.EDITS.get(0).current(), checksumOf(url, "8"));
    }

    /**
     * V8 as it first shipped (its checksum, asserted above, proves the text): today's table with the first comment and
     * the content column's first length, which PostgreSQL refuses.
     */
    private static String firstTextOfV8() throws IOException {
        String today;
        try (InputStream in = MigrationsTest.class.getResourceAsStream("/db/migration/V8__vault_sumehr.sql")) {
            today = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String table = today.substring(today.indexOf("CREATE TABLE sumehr"));
        return today.lines().findFirst().orElseThrow() + "\n"
                + "-- patient's data key and kept byte for byte. Portable SQL (H2, PostgreSQL).\n"
                + table.replace("content         VARCHAR           NOT NULL,", "content         VARCHAR(16000000) NOT NULL,");
    }

    /** The checksums named in MigrationEdits are the ones Flyway computes for today's text. */
    @Test
    void theEditsNameTodaysChecksums() throws SQLException {
        String url = "jdbc:h2:mem:todayv8;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        for (MigrationEdits.Edit edit : MigrationEdits.EDITS) {
            assertEquals(edit.current(), checksumOf(url, edit.version()), "V" + edit.version());
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(0, MigrationEdits.apply(connection), "a database made with today's texts is left alone");
        }
    }

    private static int checksumOf(String url, String version) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = ?")) {
            query.setString(1, version);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "V" + version + " recorded");
                return row.getInt(1);
            }
        }
    }
}
