package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the patient portal, in its three languages, at desktop (1280 px) and phone (390 px) width, checked by
 * axe-core (Deque's rules engine, run in headless Chromium) against WCAG 2.0, 2.1 and 2.2 levels A and AA: any
 * violation fails, named with its rule and the elements. Needs the real browser (skipped with a notice without it).
 */
class PortalAccessibilityIT {

    private static final List<String> PAGES = List.of("/", "/?confirm=withdraw", "/notices", "/relationships",
            "/exclusions", "/medication", "/medication/print", "/log", "/proxies");
    private static final List<String> LANGUAGES = List.of("en", "nl", "fr");
    private static final List<Dimension> WIDTHS = List.of(new Dimension(1280, 900), new Dimension(390, 844));
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static WebDriver browser;

    @BeforeAll
    static void loggedIn() throws Exception {
        Browser.assumeInstalled("PortalAccessibilityIT");
        browser = Browser.headless(false);
        browser.manage().window().setSize(WIDTHS.get(0));
        browser.get(Stack.HUB + "/portal/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Browser.signIn(browser, wait, "patient.devos");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyPageInEveryLanguageAtEveryWidthHasNoWcagViolation() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String language : LANGUAGES) {
            for (String page : PAGES) {
                browser.get(Stack.HUB + "/portal" + page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"), page);
                for (Dimension width : WIDTHS) {
                    browser.manage().window().setSize(width);
                    Results results = new AxeBuilder().withTags(WCAG).analyze(browser);
                    for (Rule rule : results.getViolations()) {
                        List<String> targets = rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
                        violations.add(page + " " + language + " " + width.getWidth() + "px: " + rule.getId() + " ("
                                + rule.getImpact() + ") " + targets);
                    }
                    checked++;
                }
            }
        }
        browser.manage().window().setSize(WIDTHS.get(0));
        System.out.println("accessibility: " + checked + " page views checked by axe-core, " + violations.size() + " violations");
        assertEquals(List.of(), violations);
    }
}
