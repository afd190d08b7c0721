package org.carevault.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the datasource hands out a valid connection and the schema has been migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/CareVaultDS")
    private DataSource dataSource;

    @EJB
    private SchemaMigration schema;

    @Override
    public HealthCheckResponse call() {
        boolean connected;
        try (Connection connection = dataSource.getConnection()) {
            connected = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            connected = false;
        }
        String version = schema.currentVersion();
        return HealthCheckResponse.named("carevault-database")
                .status(connected && !"none".equals(version))
                .withData("connection", connected)
                .withData("schemaVersion", version)
                .build();
    }
}
