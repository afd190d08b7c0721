package org.carevault.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the application's database on WildFly's {@code /health/ready}: a valid connection
 * and a migrated schema (the latest successful Flyway version).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    /** Flyway quotes its lower-case names; quoted, the query means the same on H2 and PostgreSQL. */
    private static final String SCHEMA_VERSION = "SELECT \"version\" FROM \"flyway_schema_history\" "
            + "WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC";

    @Resource(lookup = "java:jboss/datasources/CareVaultDS")
    private DataSource dataSource;

    /** What the probe saw: a valid connection, and the schema version ("none" before migration). */
    record State(boolean connected, String schemaVersion) {
        boolean ready() {
            return connected && !"none".equals(schemaVersion);
        }
    }

    @Override
    public HealthCheckResponse call() {
        State state = probe(dataSource);
        return HealthCheckResponse.named("carevault-database")
                .status(state.ready())
                .withData("connection", state.connected())
                .withData("schemaVersion", state.schemaVersion())
                .build();
    }

    static State probe(DataSource dataSource) {
        boolean connected = false;
        String version = "none";
        try (Connection connection = dataSource.getConnection()) {
            connected = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            try (Statement statement = connection.createStatement()) {
                statement.setMaxRows(1);
                try (ResultSet rows = statement.executeQuery(SCHEMA_VERSION)) {
                    version = rows.next() ? rows.getString(1) : "none";
                }
            }
        } catch (SQLException e) {
            // reported as DOWN below; the reason is the datasource's, logged by it
        }
        return new State(connected, version);
    }
}
