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
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container, after the vault's wire tests have stored schemes (failsafe runs the tests
 * alphabetically; this one comes after MedicationSchemeIT and InteropVaultIT): every row of every
 * table of the hub's database, read raw, holds no medicinal product name, no patient name and no
 * patient SSIN of the KMEHR that went in.
 */
@ExtendWith(ArquillianExtension.class)
class VaultAtRestIT {

    /** Words that were in the KMEHR the tests stored: drugs, and the patients' names and SSINs. */
    private static final List<String> FORBIDDEN = List.of("amoxicilline", "paracetamol", "metformin", "ibuprofen",
            "wilhelmina", "testpatient", "tasmanian", "devil", "devos", "00000000097", "55032001180");

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "vault-at-rest-it.war")
                .addClass(VaultAtRestIT.class)
                .addAsResource("in-container-sql.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
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
            for (Object row : em.createNativeQuery("SELECT * FROM \"" + table + "\"").getResultList()) {
                String text = (row instanceof Object[] columns ? java.util.Arrays.deepToString(columns) : String.valueOf(row))
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
