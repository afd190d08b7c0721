package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container, after the vault's wire tests have stored schemes (failsafe runs the tests
 * alphabetically; this one comes after MedicationSchemeIT and InteropVaultIT): every row of every
 * table of the hub's database, read raw, holds no medicinal product name, no patient name and no
 * patient SSIN of the KMEHR that went in, in any column but those that hold ciphertext.
 */
@ExtendWith(ArquillianExtension.class)
class VaultAtRestIT {

    /** Words that were in the KMEHR the tests stored: drugs, and the patients' names and SSINs. */
    private static final List<String> FORBIDDEN = List.of("amoxicilline", "paracetamol", "metformin", "ibuprofen",
            "wilhelmina", "testpatient", "tasmanian", "devil", "devos", "00000000097", "55032001180");

    /** The same words as sent, nine characters or more: in random bytes by chance about never. */
    private static final List<String> LONG_WORDS = List.of("Amoxicilline", "Paracetamol", "Metformin", "Ibuprofen",
            "Wilhelmina", "Testpatient", "Tasmanian", "00000000097", "55032001180");

    /** Columns holding ciphertext, wrapped shares, time-stamp tokens or hashes. */
    private static final Set<String> OPAQUE = Set.of("content", "frame", "first_share", "second_share", "token", "hash",
            "head_hash");

    @Deployment
    static WebArchive deployment() {
        return InContainer.withSql(VaultAtRestIT.class);
    }

    @PersistenceContext(unitName = "in-container")
    private EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void noHealthContentOrPatientNameIsStoredInClear() {
        List<String> tables = em.createNativeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'").getResultList();
        assertTrue(tables.stream().anyMatch(t -> t.equalsIgnoreCase("medication_scheme_element")), tables::toString);
        Number elements = (Number) em.createNativeQuery("SELECT COUNT(*) FROM medication_scheme_element").getSingleResult();
        assertTrue(elements.longValue() > 0, "the vault tests stored elements before");

        Set<String> found = new TreeSet<>();
        for (String table : tables) {
            // Ciphertexts, wrapped key shares, tokens and hashes are random-looking by design, so a five-letter word can
            // turn up in their base64 by chance: they are searched (raw and base64-decoded) for the long words only.
            List<String> columns = em.createNativeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?1").setParameter(1, table).getResultList();
            for (String column : columns) {
                if (!OPAQUE.contains(column.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                for (Object value : em.createNativeQuery("SELECT \"" + column + "\" FROM \"" + table + "\"").getResultList()) {
                    String raw = String.valueOf(value);
                    String decoded;
                    try {
                        decoded = new String(java.util.Base64.getDecoder().decode(raw), java.nio.charset.StandardCharsets.ISO_8859_1);
                    } catch (IllegalArgumentException notBase64) {
                        decoded = "";
                    }
                    for (String word : LONG_WORDS) {
                        if (raw.contains(word) || decoded.contains(word)) {
                            found.add(word + " in " + table + "." + column);
                        }
                    }
                }
            }
            List<String> clear = columns.stream().filter(c -> !OPAQUE.contains(c.toLowerCase(Locale.ROOT))).toList();
            if (clear.isEmpty()) {
                continue;
            }
            String select = "SELECT " + String.join(", ", clear.stream().map(c -> "\"" + c + "\"").toList())
                    + " FROM \"" + table + "\"";
            for (Object row : em.createNativeQuery(select).getResultList()) {
                String text = (row instanceof Object[] values ? java.util.Arrays.deepToString(values) : String.valueOf(row))
                        .toLowerCase(Locale.ROOT);
                for (String word : FORBIDDEN) {
                    if (text.contains(word)) {
                        found.add(word + " in " + table);
                    }
                }
            }
        }
        assertEquals(Set.of(), found);
    }
}
