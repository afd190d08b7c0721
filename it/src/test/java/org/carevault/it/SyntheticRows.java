package org.carevault.it;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that give a PostgreSQL table of the hub its size, not realistic content (QueryPlansIT, the size benchmark):
 * one INSERT … SELECT over generate_series, distinct values in every required column (md5 of the row number and the
 * column), optional columns empty (not revoked, not ended), foreign keys to rows filled the same way.
 */
final class SyntheticRows {

    private SyntheticRows() {
    }

    /** Inserts rows number {@code first} to {@code first + count - 1} into the table. */
    static void insert(Connection db, String table, long first, long count) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (ResultSet column = db.getMetaData().getColumns(null, "public", table, null)) {
            while (column.next()) {
                String name = column.getString("COLUMN_NAME");
                columns.add(name);
                values.add(column.getInt("NULLABLE") == DatabaseMetaData.columnNullable ? "NULL"
                        : value(name, column.getString("TYPE_NAME"), column.getInt("COLUMN_SIZE")));
            }
        }
        try (Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
                    + " FROM generate_series(" + first + ", " + (first + count - 1) + ") AS g");
        }
    }

    private static String value(String column, String type, int size) {
        String seed = "md5(g::text || '" + ("message_id".equals(column) ? "id" : column) + "')";
        return switch (type) {
            case "uuid" -> seed + "::uuid";
            case "int4", "int8", "int2", "numeric" -> "g";
            case "bool" -> "false";
            case "timestamptz", "timestamp" -> "end_at".equals(column) || column.startsWith("expires")
                    ? "now() + interval '1 year'" : "now() - g * interval '1 second'";
            case "bytea" -> "decode(" + seed + ", 'hex')";
            default -> size > 0 && size < 32 ? "substr(" + seed + ", 1, " + size + ")" : seed;
        };
    }
}
