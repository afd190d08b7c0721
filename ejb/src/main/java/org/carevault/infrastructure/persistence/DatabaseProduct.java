package org.carevault.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Which database the hub runs on, for the few statements that must be said in its own words (an atomic upsert, the
 * migrations only PostgreSQL can run). Asked once: a deployment has one datasource.
 */
public final class DatabaseProduct {

    private static volatile Boolean postgres;

    private DatabaseProduct() {
    }

    /** True on PostgreSQL, false on H2 (the embedded default). */
    public static boolean isPostgres(DataSource dataSource) {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = isPostgres(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("CV-DB-003 the database could not be reached", e);
            }
            postgres = known;
        }
        return known;
    }

    static boolean isPostgres(String databaseProductName) {
        return databaseProductName.toLowerCase(Locale.ROOT).contains("postgresql");
    }
}
