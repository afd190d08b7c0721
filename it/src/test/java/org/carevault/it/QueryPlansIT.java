package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every query the hub made during the wire suite uses an index on a database the size of Vitalink's: the statements
 * PostgreSQL recorded (pg_stat_statements) while the suite ran are planned again, with PostgreSQL's generic plan, on a
 * second database migrated the same way and filled with 1 M consents, relationships, patients and audit entries and
 * 200 k medication schemes; none may read a whole filled table. PostgreSQL profile only (skipped on H2).
 */
class QueryPlansIT {

    /** The filled tables and their sizes. */
    private static final Map<String, Integer> SIZES = new LinkedHashMap<>();

    static {
        for (String table : List.of("patient_record", "patient_consent", "therapeutic_link", "audit_entry")) {
            SIZES.put(table, 1_000_000);
        }
        for (String table : List.of("therapeutic_exclusion", "patient_proxy", "medication_scheme", "medication_scheme_version",
                "patient_data_key", "sumehr", "vaccination", "mail_message", "mail_box_entry", "mail_receipt", "known_professional",
                "break_glass_acknowledgement", "ws_replay", "etk")) {
            SIZES.put(table, 200_000);
        }
    }

    /**
     * What no request sends: the migrations (Flyway, at start; their DDL here, every statement of theirs by
     * {@link #migrationStatements}), the catalogues, the connection pool's checks, inserts
     * (they read nothing), and what the wire tests send themselves (marked {@link RawRows#MARK}).
     */
    private static final List<Pattern> NOT_A_REQUEST = List.of(
            Pattern.compile("flyway_schema_history|information_schema|pg_catalog|pg_stat|pg_database|pg_roles"),
            Pattern.compile(Pattern.quote(RawRows.MARK.strip())),
            Pattern.compile("(?i)^(--|create |alter |drop |comment |begin|commit|rollback|set |show |select \\$1$|select 1$|insert into)"));

    /** Every statement of the migrations (they run once, at a start, not per request), normalized as below. */
    private static Set<String> migrationStatements() throws Exception {
        Set<String> found = new HashSet<>();
        for (String location : List.of("db/migration", "db/postgresql")) {
            var folder = Thread.currentThread().getContextClassLoader().getResource(location);
            if (folder == null) {
                continue;
            }
            boolean inJar = "jar".equals(folder.toURI().getScheme());
            FileSystem jar = inJar ? jarFileSystem(folder.toURI()) : null;
            try (Stream<Path> files = Files.list(jar == null ? Path.of(folder.toURI()) : jar.getPath(location))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                    String text = Files.readString(file).replaceAll("(?m)--.*$", "");
                    for (String statement : text.split(";")) {
                        if (!statement.isBlank()) {
                            found.add(normalized(statement));
                        }
                    }
                }
            }
        }
        assertTrue(found.size() > 20, "the migrations were read: " + found.size());
        return found;
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }

    /** Whitespace collapsed, literals and pg_stat_statements' parameters ($1 …) alike, case folded. */
    private static String normalized(String statement) {
        return statement.replaceAll("'[^']*'", "?").replaceAll("\\$[0-9]+", "?").replaceAll("\\b[0-9]+\\b", "?")
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    @Test
    void everyStatementOfTheSuiteUsesAnIndexOnALargeDatabase() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(Stack.serverProperty("carevault.db.kind")), () -> {
            System.out.println("NOTICE: QueryPlansIT runs with the PostgreSQL stack (CAREVAULT_DB=postgresql); skipped on H2");
            return "H2";
        });
        String server = Stack.serverProperty("carevault.db.url").replaceAll("/[^/]+$", "/");
        List<String> statements = new ArrayList<>();
        Set<String> migrations = migrationStatements();
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", Stack.secret("postgres.superuser-password"));
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rows = sql.executeQuery("SELECT query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                    + " WHERE d.datname = 'carevault'")) {
                while (rows.next()) {
                    String query = rows.getString(1).strip();
                    if (NOT_A_REQUEST.stream().noneMatch(p -> p.matcher(query).find())
                            && !migrations.contains(normalized(query))) {
                        statements.add(query);
                    }
                }
            }
            sql.execute("DROP DATABASE IF EXISTS carevault_plans");
            sql.execute("CREATE DATABASE carevault_plans OWNER carevault");
        }
        assertTrue(statements.size() > 40, "the suite's statements were recorded: " + statements.size());

        String url = server + "carevault_plans";
        Flyway.configure().dataSource(url, "carevault", Stack.secret("db.password"))
                .locations("classpath:db/migration", "classpath:db/postgresql").load().migrate();
        List<String> scans = new ArrayList<>();
        int planned = 0;
        try (Connection db = DriverManager.getConnection(url, "carevault", Stack.secret("db.password"));
                Statement sql = db.createStatement()) {
            long start = System.nanoTime();
            for (Map.Entry<String, Integer> table : SIZES.entrySet()) {
                SyntheticRows.insert(db, table.getKey(), 1, table.getValue());
            }
            sql.execute("ANALYZE");
            System.out.printf("query plans: filled %d tables in %.0f s%n", SIZES.size(), (System.nanoTime() - start) / 1e9);
            sql.execute("SET plan_cache_mode = force_generic_plan");
            for (String statement : statements) {
                String plan = plan(sql, statement);
                if (plan == null) {
                    continue;
                }
                planned++;
                Matcher seq = Pattern.compile("Seq Scan on ([a-z_]+)").matcher(plan);
                while (seq.find()) {
                    if (SIZES.containsKey(seq.group(1))) {
                        scans.add(seq.group(1) + " read whole by: " + statement);
                    }
                }
            }
        }
        System.out.printf("query plans: %d statements recorded, %d planned, %d read a whole large table%n", statements.size(),
                planned, scans.size());
        assertTrue(planned > 40, "statements planned: " + planned);
        assertEquals(List.of(), scans);
    }

    /** The generic plan of a recorded statement (its parameters as NULLs), or null when it cannot be prepared. */
    private static String plan(Statement sql, String statement) {
        int parameters = 0;
        Matcher parameter = Pattern.compile("\\$(\\d+)").matcher(statement);
        while (parameter.find()) {
            parameters = Math.max(parameters, Integer.parseInt(parameter.group(1)));
        }
        try {
            sql.execute("DEALLOCATE ALL");
            sql.execute("PREPARE planned AS " + statement);
            StringBuilder plan = new StringBuilder();
            String nulls = parameters == 0 ? "" : "(" + String.join(",", Collections.nCopies(parameters, "NULL")) + ")";
            try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE planned" + nulls)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            System.out.println("query plans: not planned (" + e.getSQLState() + "): " + statement);
            return null;
        }
    }
}
