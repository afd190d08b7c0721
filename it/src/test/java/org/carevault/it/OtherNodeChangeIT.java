package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Revocation on a cluster: another node's change reaches this node's database but not this node's
 * cache (its invalidation message is lost, or races with a load). It must still refuse the very
 * next request. The "other node" is played in-container by SQL that does exactly what a node's
 * revocation commits — the relationship revoked and the patient's change count incremented —
 * without touching this node's cache; the requests before and after go over the wire.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtherNodeChangeIT {

    /** The patient of this test: the one whose relationship was created last (the steps run in order). */
    private static final String LATEST_LINK = "SELECT patient_ref FROM therapeutic_link ORDER BY created_at DESC";

    @Deployment
    static WebArchive deployment() {
        return InContainer.withSql(OtherNodeChangeIT.class);
    }

    @PersistenceContext(unitName = "in-container")
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Test
    @Order(1)
    @RunAsClient
    void aPermitIsCachedOnThisNode() {
        String ref = ConsentApi.resolve(ConsentApi.newSsin());
        ConsentApi.putConsentAsProfessional(ref, "physician");
        ConsentApi.linkId(ref, "physician");
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)));
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)),
                "now from this node's cache");
    }

    @Test
    @Order(2)
    void anotherNodeRevokesTheRelationship() throws Exception {
        transaction.begin();
        String patient = (String) em.createNativeQuery(RawRows.MARK + LATEST_LINK, String.class).setMaxResults(1).getSingleResult();
        em.createNativeQuery(RawRows.MARK + "UPDATE therapeutic_link SET revoked_at = CURRENT_TIMESTAMP, revoked_by_type = 'SSIN',"
                + " revoked_by_id = '72081012378', revoked_by_role = 'PHYSICIAN' WHERE patient_ref = ?1")
                .setParameter(1, patient).executeUpdate();
        em.createNativeQuery(RawRows.MARK + "UPDATE patient_record SET changes = changes + 1 WHERE patient_ref = ?1")
                .setParameter(1, patient).executeUpdate();
        transaction.commit();
    }

    @Test
    @Order(3)
    @RunAsClient
    void theVeryNextRequestOnThisNodeIsRefused() {
        String ref = ConsentApi.latestResolved();
        assertEquals("NO_THERAPEUTIC_RELATIONSHIP",
                ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)));
    }
}
