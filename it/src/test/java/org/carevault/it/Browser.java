package org.carevault.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htmlunit.BrowserVersion;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the portal's browser tests. Where Chromium or its driver is not
 * installed (they are optional packages: `apt-get install chromium chromium-driver`; `.ci/run` installs them), the
 * portal's flows run in HtmlUnit instead (the portal is server-rendered and works without JavaScript), without
 * screenshots, and a notice says so; tests that need the real browser itself are skipped with a notice.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("carevault.it.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("carevault.it.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** Skips the calling test (or class) when the browser is missing, saying so on the console. */
    static void assumeInstalled(String what) {
        boolean installed = installed();
        if (!installed) {
            System.out.println("NOTICE: " + what + " needs Chromium in a real browser (apt-get install chromium chromium-driver);"
                    + " not installed here, skipped");
        }
        Assumptions.assumeTrue(installed, "Chromium not installed");
    }

    /** Whether the real browser is here. */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /**
     * Chromium where installed, else HtmlUnit (JavaScript off, as the portal needs none), saying so once: the flows are
     * the same, the screenshots are not taken.
     */
    static WebDriver chromiumOrHtmlUnit(String what) throws IOException {
        if (installed()) {
            return headless(false);
        }
        System.out.println("NOTICE: " + what + " runs in HtmlUnit, without screenshots: Chromium is not installed here"
                + " (the real-browser run needs apt-get install chromium chromium-driver)");
        return new HtmlUnitDriver(BrowserVersion.FIREFOX, false);
    }

    /**
     * Signs a demo patient in on Keycloak's own pages, where the portal sends them: the password form, then the
     * one-time code of their authenticator (patients log in with their second factor).
     */
    static void signIn(WebDriver browser, WebDriverWait wait, String username) {
        password(browser, wait, username);
        secondFactor(browser, wait, SecondFactor.code(username));
    }

    /** Answers Keycloak's login form with the demo password (what comes next is Keycloak's to decide). */
    static void password(WebDriver browser, WebDriverWait wait, String username) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Tokens.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    /** Answers Keycloak's one-time code form. */
    static void secondFactor(WebDriver browser, WebDriverWait wait, String code) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp"))).sendKeys(code);
        browser.findElement(By.id("kc-login")).click();
    }

    /** Where the browser tests leave their screenshots. */
    static final Path SHOTS = Path.of("target/screenshots");

    /** A wait of 30 s that reads a condition again when the page was replaced under it (stale elements). */
    static WebDriverWait waitFor(WebDriver browser) throws IOException {
        Files.createDirectories(SHOTS);
        WebDriverWait wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** A screenshot in {@link #SHOTS} (Chromium; HtmlUnit draws nothing). */
    static void shot(WebDriver browser, String name) throws IOException {
        if (browser instanceof org.openqa.selenium.TakesScreenshot camera) {
            Files.copy(camera.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A new headless Chromium with an empty profile and no background networking. */
    static WebDriver headless(boolean acceptInsecureCerts) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.setAcceptInsecureCerts(acceptInsecureCerts);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("carevault-chromium"), "--lang=en-GB");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
    }
}
