package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A patient's second factor in the browser, on Keycloak's own pages. A new patient (registered by the operator with a
 * password only) logs in to the portal and is asked to set up an authenticator app: the test reads the key Keycloak
 * shows ("Unable to scan?"), computes the codes an app would, and finishes the setup; the account console's "Signing
 * in" page lists the app. Logged out and in again, the patient gives password and code; a wrong code is refused.
 * Then the operator lets patients read with a password alone (the portal client's default level): the patient logs in
 * without the code, and withdrawing consent sends them to Keycloak for the second factor first, then back to the
 * question, and the withdrawal is made; the refused attempt and the withdrawal are both in the trail.
 */
class PortalSecondFactorIT {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void browser() throws Exception {
        browser = Browser.chromiumOrHtmlUnit("PortalSecondFactorIT");
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() {
        KeycloakAdmin.portalDefaultAcr("mfa");
        if (browser != null) {
            browser.quit();
        }
    }

    private static void shot(String name) throws Exception {
        if (browser instanceof TakesScreenshot camera) {
            Files.copy(camera.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void password(String username) {
        browser.get(Stack.HUB + "/portal/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Tokens.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    private static void logout() {
        browser.findElement(By.cssSelector("header button")).click();
        wait.until(ExpectedConditions.urlContains("/portal/logged-out"));
    }

    @Test
    void aPatientSetsUpAnAuthenticatorAndIsAskedForItBeforeWithdrawingConsent() throws Exception {
        String username = "patient.enrol" + System.nanoTime() % 1_000_000;
        String ssin = ConsentApi.newSsin();
        KeycloakAdmin.createPatient(username, "Eva", "Wouters", ssin);

        // First login: the password, then Keycloak asks to set up an authenticator app (required action).
        password(username);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-totp-secret-qr-code")));
        shot("totp-setup");
        browser.findElement(By.id("mode-manual")).click();
        String shown = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-totp-secret-key"))).getText();
        byte[] key = SecondFactor.base32(shown);
        assertTrue(key.length >= 20, "a key of at least 160 bits: " + key.length);
        browser.findElement(By.id("totp")).sendKeys(SecondFactor.code(username, key));
        browser.findElement(By.id("userLabel")).sendKeys("Eva's phone");
        browser.findElement(By.id("saveTOTPBtn")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
        assertTrue(browser.getCurrentUrl().startsWith(Stack.HUB + "/portal/"), browser.getCurrentUrl());
        browser.findElement(By.cssSelector("#consent button.primary")).click();
        wait.until(driver -> driver.findElement(By.id("consent-status")).getAttribute("class").contains("active")
                && !driver.findElement(By.id("consent-status")).getAttribute("class").contains("inactive"));

        // The account console's "Signing in" page (linked from the portal) lists the app, for this patient too.
        String console = browser.findElement(By.id("account-security")).getAttribute("href");
        assertTrue(console.startsWith(Stack.KEYCLOAK + "/realms/carevault/account/"), console);
        if (browser instanceof TakesScreenshot) {  // the account console is a script application: Chromium only
            browser.get(console);
            wait.until(driver -> driver.getPageSource().contains("Eva's phone") || driver.getPageSource().contains("Something went wrong"));
            assertFalse(browser.getPageSource().contains("Something went wrong"), "the console's calls are answered");
            shot("account-signing-in");
            browser.get(Stack.HUB + "/portal/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
        } else {
            System.out.println("NOTICE: the account console check needs Chromium (a script application); skipped in HtmlUnit");
        }
        logout();

        // Password and code; a wrong code first is refused.
        password(username);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp"))).sendKeys(SecondFactor.wrongCode(username, key));
        browser.findElement(By.id("kc-login")).click();
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("input-error-otp"))).getText().contains("Invalid"));
        assertFalse(browser.getCurrentUrl().startsWith(Stack.HUB), "still at the login service");
        browser.findElement(By.id("otp")).clear();
        Browser.secondFactor(browser, wait, SecondFactor.code(username, key));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
        logout();

        // The operator lets patients read with a password alone: no code at login, but before withdrawing consent.
        KeycloakAdmin.portalDefaultAcr("password");
        try {
            password(username);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
            browser.findElement(By.cssSelector("#consent button.danger")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#withdraw-question button.confirm"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp")));
            assertTrue(browser.findElements(By.id("password")).isEmpty(), "only the second factor is asked, not the password");
            shot("step-up");
            Browser.secondFactor(browser, wait, SecondFactor.code(username, key));
            assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stepped-up"))).isDisplayed());
            assertTrue(browser.getCurrentUrl().contains("confirm=withdraw"), "back to the question: " + browser.getCurrentUrl());
            browser.findElement(By.cssSelector("#withdraw-question button.confirm")).click();
            wait.until(driver -> driver.findElement(By.id("consent-status")).getAttribute("class").contains("inactive"));
        } finally {
            KeycloakAdmin.portalDefaultAcr("mfa");
        }
        String ref = ConsentApi.resolve(ssin);
        JsonNode trail = ConsentApi.trail(ref, "?limit=50");
        int refused = 0;
        int withdrawn = 0;
        for (JsonNode entry : trail) {
            if ("RevokePatientConsent".equals(entry.get("action").asText())) {
                refused += "STRONG_AUTHENTICATION_REQUIRED".equals(entry.get("decision").asText()) ? 1 : 0;
                withdrawn += "PERMIT".equals(entry.get("decision").asText()) ? 1 : 0;
            }
        }
        assertEquals(1, refused, "the attempt without the second factor, recorded");
        assertEquals(1, withdrawn, "the withdrawal after it");
    }
}
