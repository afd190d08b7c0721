package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
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

    /** Words that were in the KMEHR the tests stored (drugs, the patients' names and SSINs) and the proxies' names and SSINs. */
    private static final List<String> FORBIDDEN = List.of("amoxicilline", "paracetamol", "metformin", "ibuprofen",
            "wilhelmina", "testpatient", "tasmanian", "devil", "devos", "lucas", "00000000097", "55032001180", "14091512307");

    /** The same words as sent, nine characters or more: in random bytes by chance about never. */
    private static final List<String> LONG_WORDS = List.of("Amoxicilline", "Paracetamol", "Metformin", "Ibuprofen",
            "Wilhelmina", "Testpatient", "Tasmanian", "00000000097", "55032001180", "14091512307",
            "Lucas Claes", "Sofie Claes", "Marc Devos");


    @Deployment
    static WebArchive deployment() {
        return InContainer.withSql(VaultAtRestIT.class);
    }

    @PersistenceContext(unitName = "in-container")
    private EntityManager em;

    @Test
    void noHealthContentOrPatientNameIsStoredInClear() {
        assertTrue(RawRows.count(em, "medication_scheme_element") > 0, "the vault tests stored elements before");
        assertEquals(Set.of(), RawRows.find(em, RawRows.OPAQUE, FORBIDDEN, LONG_WORDS));
    }
}
