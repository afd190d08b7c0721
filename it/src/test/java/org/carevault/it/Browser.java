package org.carevault.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, for the portal's browser tests. Where Chromium or its driver is not
 * installed (they are optional packages: `apt-get install chromium chromium-driver`; `.ci/run` installs them), the
 * tests that need them are skipped with a printed notice instead of failing.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("carevault.it.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("carevault.it.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** Skips the calling test (or class) when the browser is missing, saying so on the console. */
    static void assumeInstalled(String what) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed) {
            System.out.println("NOTICE: " + what + " needs Chromium in a real browser (apt-get install chromium chromium-driver);"
                    + " not installed here, skipped");
        }
        Assumptions.assumeTrue(installed, "Chromium not installed");
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
