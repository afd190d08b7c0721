package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import java.util.Optional;
import org.carevault.application.preference.CallerPreference;
import org.carevault.application.preference.Language;
import org.carevault.application.preference.PreferenceService;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: the preference service with JPA and JTA on the hub's real datasource (the schema
 * the EAR's Flyway migration created), deployed next to the EAR by Arquillian.
 */
@ExtendWith(ArquillianExtension.class)
class PreferenceServiceIT {

    @Deployment
    static WebArchive deployment() {
        JavaArchive domain = ShrinkWrap.create(JavaArchive.class, "domain.jar")
                .addPackages(true, "org.carevault.domain", "org.carevault.crypto.identity");
        return ShrinkWrap.create(WebArchive.class, "preference-it.war")
                .addPackage(PreferenceService.class.getPackage())
                .addClass(org.carevault.application.access.PatientRefs.class)
                .addClass(PreferenceServiceIT.class)
                .addAsLibraries(domain)
                .addAsResource("in-container-persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @EJB
    private PreferenceService preferences;

    @Resource
    private UserTransaction transaction;

    private static Caller caller(String ssin, Role role) {
        return new Caller(PartyId.person(ssin), role, Optional.empty(), "In-container test", Channel.BATCH);
    }

    @Test
    void aPreferenceIsStoredAndChangedInItsOwnRow() {
        Caller patient = caller("62070834587", Role.PATIENT);
        preferences.setLanguage(patient, Language.NL);
        assertEquals(Language.NL, preferences.find(patient).orElseThrow().language());

        CallerPreference changed = preferences.setLanguage(patient, Language.FR);
        assertEquals(Language.FR, changed.language());
        assertEquals(Language.FR, preferences.find(patient).orElseThrow().language());
    }

    @Test
    void oneCallersPreferenceIsNeverAnothers() {
        Caller gp = caller("72081012378", Role.PHYSICIAN);
        Caller patient = caller("55032001180", Role.PATIENT);
        preferences.setLanguage(gp, Language.DE);
        preferences.setLanguage(patient, Language.EN);

        assertEquals(Language.DE, preferences.find(gp).orElseThrow().language());
        assertEquals(Language.EN, preferences.find(patient).orElseThrow().language());
        assertTrue(preferences.find(caller("85021445650", Role.PHARMACIST)).isEmpty());
    }

    @Test
    void aRolledBackChangeLeavesNoTrace() throws Exception {
        Caller nurse = caller("90050123412", Role.NURSE);
        preferences.setLanguage(nurse, Language.NL);

        transaction.begin();
        preferences.setLanguage(nurse, Language.DE);
        transaction.rollback();

        assertEquals(Language.NL, preferences.find(nurse).orElseThrow().language());
        assertNotEquals(Language.DE, preferences.find(nurse).orElseThrow().language());
    }
}
