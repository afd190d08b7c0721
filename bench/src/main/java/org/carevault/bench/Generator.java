package org.carevault.bench;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Fills the test stack's database (H2 or PostgreSQL) with synthetic patients for the large-database benchmark:
 * consents and relationships of made-up patient references, and schemes of a few opaque elements.
 * Nothing here is health data; it only gives the tables and their indexes their production size.
 * Deployed only by {@code bin/bench-vault}, never with the hub.
 */
@Path("/generate")
public class Generator {


    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String generate(@QueryParam("from") long from, @QueryParam("consents") long consents,
            @QueryParam("schemes") long schemes) throws SQLException, javax.naming.NamingException {
        DataSource database = (DataSource) new javax.naming.InitialContext().lookup("java:jboss/datasources/CareVaultDS");
        long start = System.nanoTime();
        String ref = "CONCAT('G', LPAD(CAST(X AS VARCHAR), 23, '0'))";
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            String uuid = postgres ? "gen_random_uuid()" : "RANDOM_UUID()";
            String range = range(postgres, from, consents);
            sql.executeUpdate("INSERT INTO patient_consent (id, patient_ref, granted_at, granted_by_type, granted_by_id,"
                    + " granted_by_role, version) SELECT " + uuid + ", " + ref + ", CURRENT_TIMESTAMP, 'SSIN', '72081012378',"
                    + " 'PHYSICIAN', 0" + range);
            sql.executeUpdate("INSERT INTO therapeutic_link (id, patient_ref, party_type, party_id, party_role, kind, proof,"
                    + " start_at, end_at, created_at, created_by_type, created_by_id, created_by_role, version)"
                    + " SELECT " + uuid + ", " + ref + ", 'SSIN', '72081012378', 'PHYSICIAN', 'REGULAR', 'EID_READING',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '15' MONTH, CURRENT_TIMESTAMP, 'SSIN', '72081012378',"
                    + " 'PHYSICIAN', 0" + range);
            String schemeRange = range(postgres, from, schemes);
            sql.executeUpdate("INSERT INTO medication_scheme (patient_ref, version, updated_at) SELECT " + ref
                    + ", 1, CURRENT_TIMESTAMP" + schemeRange);
            sql.executeUpdate("INSERT INTO medication_scheme_version (patient_ref, version, created_at, author_type,"
                    + " author_id, author_role, channel, frame) SELECT " + ref + ", 1, CURRENT_TIMESTAMP, 'SSIN',"
                    + " '72081012378', 'PHYSICIAN', 'REST', REPEAT('x', 600)" + schemeRange);
            for (int position = 0; position < 5; position++) {
                sql.executeUpdate("INSERT INTO medication_scheme_element (patient_ref, version, position, element_id, kind,"
                        + " content) SELECT " + ref + ", 1, " + position + ", " + uuid + ", 'medicationschemeelement',"
                        + " REPEAT('y', 400)" + schemeRange);
            }
        }
        return "generated " + consents + " consents and relationships, " + schemes + " schemes in "
                + (System.nanoTime() - start) / 1_000_000 + " ms";
    }

    /** The numbers from..from+count-1 as a row source whose column is X, in the database's own words. */
    private static String range(boolean postgres, long from, long count) {
        long to = from + count - 1;
        return postgres ? " FROM generate_series(" + from + ", " + to + ") AS r(x)" : " FROM SYSTEM_RANGE(" + from + ", " + to + ")";
    }
}
