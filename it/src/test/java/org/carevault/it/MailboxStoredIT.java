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
 * In-container, after the mailbox's wire tests (failsafe runs the tests alphabetically: MailboxIT comes
 * before this): the letters' subject, body and annex title are nowhere in the hub's database, neither in
 * the routing columns nor in the stored sealed bytes, raw or base64-decoded.
 */
@ExtendWith(ArquillianExtension.class)
class MailboxStoredIT {

    private static final List<String> LONG_WORDS = List.of("Verwijzing", "Hartritmestoornis", "Quinidinegluconaat",
            "Elektrocardiogram", "Zwartberg", "Beste collega", "%PDF-1.7");

    @Deployment
    static WebArchive deployment() {
        return InContainer.withSql(MailboxStoredIT.class);
    }

    @PersistenceContext(unitName = "in-container")
    private EntityManager em;

    @Test
    void theHubHoldsNoSubjectBodyOrAnnexOfAnyLetterOnlySealedBytes() {
        assertTrue(RawRows.count(em, "mail_content") >= 5, "the mailbox tests stored sealed messages before");
        assertTrue(MailboxIT.SUBJECT.contains("Quinidinegluconaat") && MailboxIT.ANNEX_TITLE.contains("Zwartberg"),
                "the words searched for are the ones the letters carried");
        assertEquals(Set.of(), RawRows.find(em, RawRows.OPAQUE, RawRows.lower(LONG_WORDS), LONG_WORDS));
    }
}
