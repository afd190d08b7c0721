package org.carevault.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings the database schema to the version this build expects, before anything else runs. The
 * migrations in {@code db/migration} are the only source of the schema (never Hibernate); they are
 * written in SQL that H2 and PostgreSQL both accept.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    @Resource(lookup = "java:jboss/datasources/CareVaultDS")
    private DataSource dataSource;

    private volatile String currentVersion = "none";

    @PostConstruct
    void migrate() {
        acceptEditedMigrations();
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations())
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        currentVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : String.valueOf(flyway.info().current() == null ? "none" : flyway.info().current().getVersion());
        LOG.infof("CV-DB-001 schema at version %s (%d migrations applied now)", currentVersion, result.migrationsExecuted);
    }

    /** The migrations of every database, and on PostgreSQL those only it can run (its own index types). */
    private String[] locations() {
        return DatabaseProduct.isPostgres(dataSource)
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
    }

    private void acceptEditedMigrations() {
        try (Connection connection = dataSource.getConnection()) {
            int changed = MigrationEdits.apply(connection);
            if (changed > 0) {
                LOG.infof("CV-DB-002 %d migration(s) recorded with their first text, now recorded with today's (see MigrationEdits)", changed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("CV-DB-003 the migration history could not be read", e);
        }
    }

    public String currentVersion() {
        return currentVersion;
    }
}
