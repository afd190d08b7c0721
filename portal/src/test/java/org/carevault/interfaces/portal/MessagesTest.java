package org.carevault.interfaces.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.carevault.domain.Role;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.DecisionCode;
import org.carevault.domain.consent.ProofType;
import org.junit.jupiter.api.Test;

/** Every text in all three languages, and every value the pages show through the bundles has its text. */
class MessagesTest {

    private static Set<String> keys(String language) {
        ResourceBundle bundle = Portal.messages(language);
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    @Test
    void frenchAndDutchTranslateEveryEnglishText() {
        Set<String> english = keys("en");
        assertEquals(english, keys("fr"));
        assertEquals(english, keys("nl"));
        assertEquals("Français", Portal.messages("fr").getString("language.name"), "read as UTF-8");
    }

    @Test
    void everyRoleDecisionDataTypeAndProofHasItsText() {
        Set<String> english = keys("en");
        for (Role role : Role.values()) {
            assertTrue(english.contains("role." + role.name()), role.name());
        }
        for (DecisionCode code : DecisionCode.values()) {
            assertTrue(code == DecisionCode.PERMIT || english.contains("refusal." + code.name()), code.name());
        }
        for (DataType type : DataType.values()) {
            assertTrue(english.contains("data." + type.name()), type.name());
        }
        for (ProofType proof : ProofType.values()) {
            assertTrue(english.contains("proof." + proof.name()), proof.name());
        }
    }

    @Test
    void aCsvCellIsQuotedAndNeverAFormula() {
        assertEquals("\"a \"\"b\"\"\"", LogServlet.cell("a \"b\""));
        assertEquals("\"'=HYPERLINK(1)\"", LogServlet.cell("=HYPERLINK(1)"));
        assertEquals("\"'-2+3\"", LogServlet.cell("-2+3"));
    }

    @Test
    void textIsEscaped() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;", Portal.escape("<script>&\"'"));
    }
}
