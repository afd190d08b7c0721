package org.carevault.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Migrations whose text changed after they shipped, and how a database migrated with the earlier text is
 * recognised. Flyway refuses to start when an applied migration's recorded checksum differs from the script's;
 * each edit listed here leaves a database that ran the old text as the new text would (on the engines that could
 * run the old text), so its recorded checksum moves from exactly the old value to the new one. Nothing else is
 * repaired: any other difference still stops the start, as Flyway intends.
 */
final class MigrationEdits {

    /** One edited migration: its version, the checksum of the text that shipped first, of today's text, and why. */
    record Edit(String version, int shipped, int current, String why) {
    }

    static final List<Edit> EDITS = List.of(
            new Edit("8", -605236048, 1852052446, "sumehr.content lost its length of 16 million (VARCHAR without one): PostgreSQL refuses"
                    + " a length over 10485760; on H2, the only engine the first text ran on, both hold the same strings"));

    private static final String HISTORY = "flyway_schema_history";

    private MigrationEdits() {
    }

    /** Moves the recorded checksum of each edited migration that ran with its first text; returns how many. */
    static int apply(Connection connection) throws SQLException {
        if (!historyExists(connection)) {
            return 0;
        }
        int changed = 0;
        try (PreparedStatement update = connection.prepareStatement("UPDATE \"" + HISTORY + "\" SET \"checksum\" = ?"
                + " WHERE \"version\" = ? AND \"checksum\" = ?")) {
            for (Edit edit : EDITS) {
                update.setInt(1, edit.current());
                update.setString(2, edit.version());
                update.setInt(3, edit.shipped());
                changed += update.executeUpdate();
            }
        }
        return changed;
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, HISTORY, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
