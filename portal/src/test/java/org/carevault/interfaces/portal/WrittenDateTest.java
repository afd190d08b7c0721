package org.carevault.interfaces.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A KMEHR document's date, shown like every other date of the portal (issue 17: a Sumehr's was shown raw). */
class WrittenDateTest {

    @Test
    void aDocumentsDateAndTimeReadsInThePagesLanguage() {
        String nl = Page.written("2026-12-03T08:10:00", Locale.forLanguageTag("nl"));
        assertTrue(nl.contains("3 december 2026") && nl.contains("08:10"), nl);
        String fr = Page.written("2026-12-03T08:10:00", Locale.forLanguageTag("fr"));
        assertTrue(fr.contains("3 décembre 2026") && fr.contains("08:10"), fr);
        String en = Page.written("2026-12-03", Locale.forLanguageTag("en"));
        assertEquals("December 3, 2026", en);
        assertFalse(Page.written("2026-12-03T08:10:00", Locale.forLanguageTag("en")).contains("T08"));
    }

    @Test
    void whatIsNotADateIsShownAsWritten() {
        assertEquals("around Easter", Page.written("around Easter", Locale.forLanguageTag("en")));
    }
}
