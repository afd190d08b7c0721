package org.carevault.interfaces.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** After a step-up the portal goes back only to a page of its own: anything else sends the patient home. */
class StepUpReturnTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "/?confirm=withdraw&confirmed=1 | /?confirm=withdraw&confirmed=1",
        "/proxies?confirmed=1 | /proxies?confirmed=1",
        "/log.csv?from=2026-01-01&to=&professional=12345625004%2FPHYSICIAN | /log.csv?from=2026-01-01&to=&professional=12345625004%2FPHYSICIAN",
        "//evil.example/x | /",
        "https://evil.example/ | /",
        "/\\evil.example | /",
        "/log?x=<script> | /",
        "javascript:alert(1) | /",
        "'' | /",
    })
    void onlyThePortalsOwnPages(String to, String expected) {
        assertEquals(expected, LoginServlet.returnPath(to.isEmpty() ? null : to));
    }
}
