package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient portal in headless Chromium (Debian's chromium and chromedriver, driven by Selenium): Marc
 * Devos logs in through the real Keycloak login page, withdraws his consent — and over the REST wire the GP
 * is refused at once — gives it again, reads the page in Dutch, and logs out, which ends the Keycloak
 * session too. A change without the page's anti-forgery token is refused. Screenshots in target/screenshots.
 */
class PortalIT {

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static final Path SHOTS = Browser.SHOTS;

    @BeforeAll
    static void browser() throws Exception {
        browser = Browser.chromiumOrHtmlUnit("PortalIT");
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = Browser.waitFor(browser);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void shot(String name) throws Exception {
        Browser.shot(browser, name);
    }

    /** The same page at a phone's width (390 × 844 CSS pixels), then back to the desktop size. */
    private static void phoneShot(String name) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        shot(name);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** A form posted straight to the portal with the patient's own session cookie (as a forging page would). */
    private static HttpResponse<String> postAs(Cookie session, String path, String form) {
        return Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + path)).header("Cookie", "CAREVAULT_PORTAL=" + session.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The cards of a list that name someone (other tests may have left others on the same patient). */
    private static java.util.List<org.openqa.selenium.WebElement> cardsOf(String selector, String name) {
        return browser.findElements(By.cssSelector(selector)).stream().filter(card -> card.getText().contains(name)).toList();
    }

    /** Logs in through Keycloak's own login page (authorization code with PKCE). */
    private static void login(String username) {
        browser.get(Stack.HUB + "/portal/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(Stack.KEYCLOAK + "/realms/carevault/"), "Keycloak's own login page");
        assertTrue(browser.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE");
        Browser.signIn(browser, wait, username);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
    }

    private static void logout() {
        browser.findElement(By.cssSelector("header button")).click();
        wait.until(ExpectedConditions.urlContains("/portal/logged-out"));
    }

    private static void open(String path, String waitFor) {
        browser.findElement(By.cssSelector("nav.sections a[href$='" + path + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(waitFor)));
    }

    private static String csrf() {
        return browser.findElement(By.cssSelector("main input[name='csrf']")).getAttribute("value");
    }

    private static String status() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status"))).getAttribute("class");
    }

    /**
     * Gives or withdraws consent as a patient does: withdrawing asks first (the question takes the focus; "keep" goes
     * back unchanged the first time), and after the change the new status takes the focus, so that it is read next.
     */
    private static void press(String buttonClass) {
        String before = browser.findElement(By.id("consent-status")).getAttribute("class");
        browser.findElement(By.cssSelector("#consent button." + buttonClass)).click();
        if ("danger".equals(buttonClass)) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("withdraw-question")));
            assertTrue(browser.findElements(By.id("consent-status")).isEmpty(), "nothing withdrawn before the answer");
            browser.findElement(By.cssSelector("#withdraw-question a.cancel")).click();
            assertEquals(before, status(), "kept when the patient says no");
            browser.findElement(By.cssSelector("#consent button.danger")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#withdraw-question button.confirm"))).click();
        }
        wait.until(driver -> !driver.findElement(By.id("consent-status")).getAttribute("class").equals(before));
        if (browser instanceof org.openqa.selenium.chrome.ChromeDriver script) {
            assertEquals("consent-status", script.executeScript("return document.activeElement.id"),
                    "the new status has the focus");
        }
    }

    @Test
    void aPatientManagesConsentInTheBrowserAndTheHubFollowsAtOnce() throws Exception {
        String ref = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        ConsentApi.putConsentAsProfessional(ref, "physician");
        ConsentApi.linkId(ref, "physician");
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)));

        login("patient.devos");

        assertTrue(status().contains("active") && !status().contains("inactive"), "consent given before");
        assertTrue(browser.getPageSource().contains("Marc Devos"));
        shot("portal-consent-desktop");

        press("danger");
        assertTrue(status().contains("inactive"));
        assertEquals("NO_CONSENT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)),
                "the GP is refused the very next request");
        assertEquals("PORTAL", ConsentApi.lastEntry(ref, "RevokePatientConsent").get("channel").asText());

        press("primary");
        assertTrue(status().contains("active") && !status().contains("inactive"));
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)));

        // A change without the page's token, with the patient's own session cookie: refused, nothing changed.
        Cookie session = browser.manage().getCookieNamed("CAREVAULT_PORTAL");
        assertTrue(session.isHttpOnly() && session.isSecure(), "HttpOnly, Secure");
        HttpResponse<String> forged = postAs(session, "/portal/consent", "action=withdraw&csrf=guessed");
        assertEquals(403, forged.statusCode());
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)));

        relationshipsAndTheLog(ref, session);

        browser.findElement(By.cssSelector("a[hreflang='nl']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Mijn gezondheidsgegevens"));
        assertEquals("nl", browser.findElement(By.tagName("html")).getAttribute("lang"));
        phoneShot("portal-consent-phone-nl");
        browser.findElement(By.cssSelector("a[hreflang='fr']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Mes données de santé"));

        browser.findElement(By.cssSelector("header button")).click();
        wait.until(ExpectedConditions.urlContains("/portal/logged-out"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("déconnecté"), "still in French");
        browser.get(Stack.HUB + "/portal/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(Stack.KEYCLOAK), "the Keycloak session ended too: asked to log in again");
    }

    /**
     * The relationships page lists the GP by name; a forged form naming another patient's relationship (with
     * this patient's session and token) is refused and that relationship stays; ending the GP's relationship
     * in the page refuses the GP at once. The access log shows the GP's accesses and the refusals the test
     * caused, and exports them as CSV.
     */
    private static void relationshipsAndTheLog(String ref, Cookie session) throws Exception {
        String other = ConsentApi.resolve(ConsentApi.newSsin());
        ConsentApi.putConsentAsProfessional(other, "physician");
        String othersLink = ConsentApi.linkId(other, "physician");

        browser.findElement(By.cssSelector("nav.sections a[href$='/relationships']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("relationships")));
        assertTrue(browser.findElement(By.id("relationships")).getText().contains("Jan Peeters"), "the GP, by name");
        assertTrue(!browser.getPageSource().contains("72081012378"), "never a professional's SSIN");
        shot("portal-relationships-desktop");

        String token = browser.findElement(By.cssSelector("main input[name='csrf']")).getAttribute("value");
        HttpResponse<String> tampered = postAs(session, "/portal/relationships", "csrf=" + token + "&id=" + othersLink);
        assertEquals(404, tampered.statusCode(), "another patient's relationship: not found");
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(other, "physician", "MEDICATION_SCHEME", "READ", null)),
                "and still there");

        // Other tests may have given the patient relationships with others: end every one of the GP's, and only those.
        while (!cardsOf("#relationships li", "Jan Peeters").isEmpty()) {
            int before = browser.findElements(By.cssSelector("#relationships li")).size();
            cardsOf("#relationships li", "Jan Peeters").get(0).findElement(By.cssSelector("button.danger")).click();
            wait.until(driver -> driver.findElements(By.cssSelector("#relationships li")).size() < before);
        }
        assertEquals("NO_THERAPEUTIC_RELATIONSHIP",
                ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)), "refused at once");
        // An emergency access while there is no relationship: a notification on the patient's page until acknowledged.
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ",
                ConsentApi.GOOD_REASON)));
        ConsentApi.linkId(ref, "physician");
        browser.findElement(By.cssSelector("nav.sections a[href$='/portal/']")).click();
        String notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notices"))).getText();
        assertTrue(notice.contains("Jan Peeters") && notice.contains(ConsentApi.GOOD_REASON), notice);
        shot("portal-notice-desktop");
        browser.findElement(By.cssSelector("#notices button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
        assertTrue(browser.findElements(By.id("notices")).isEmpty(), "acknowledged: no longer shown");

        browser.findElement(By.cssSelector("nav.sections a[href$='/log']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("log")));
        String log = browser.findElement(By.id("log")).getText();
        assertTrue(log.contains("Jan Peeters") && log.contains("no consent") && log.contains("no therapeutic relationship")
                && log.contains("Emergency access: " + ConsentApi.GOOD_REASON), "the accesses and refusals this test caused: " + log);
        assertTrue(log.contains("Jan Peeters was refused access to your medication schedule")
                && log.contains("Jan Peeters checked their access to your medication schedule"), "said in plain words: " + log);
        assertFalse(log.contains("You read your"), "the patient's own views are not among what others did");
        String own = browser.findElement(By.id("own")).getText();
        assertTrue(own.matches("\\d+ of your own views are not shown\\. Show my own views too"), own);
        String caption = browser.findElement(By.id("log-caption")).getText();
        assertTrue(caption.matches("Entries 1 to \\d+ of \\d+"), caption);
        browser.findElement(By.cssSelector("#own a")).click();
        wait.until(ExpectedConditions.urlContains("own=1"));
        assertTrue(browser.findElement(By.id("log")).getText().contains("You read your consent"), "the own views, on request");
        browser.findElement(By.cssSelector("#own a")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("own=1"));
        // 50 a page, with the total: enough checks by the GP for a second page.
        for (int i = 0; i < 51; i++) {
            ConsentApi.check(ref, "physician", "SUMEHR", "READ", null);
        }
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("log")));
        assertEquals(50, browser.findElements(By.cssSelector("#log tbody tr")).size(), "50 a page");
        long total = Long.parseLong(browser.findElement(By.id("log-caption")).getText().replaceAll(".* of ", ""));
        assertTrue(total > 50, "the total over all pages");
        browser.findElement(By.cssSelector("nav.pager a[rel='next']")).click();
        wait.until(ExpectedConditions.urlContains("page=2"));
        assertTrue(browser.findElement(By.id("log-caption")).getText().startsWith("Entries 51 to "),
                browser.findElement(By.id("log-caption")).getText());
        assertTrue(browser.findElement(By.cssSelector("nav.pager")).getText().contains("Page 2 of " + ((total + 49) / 50)));
        shot("portal-log-desktop");
        phoneShot("portal-log-phone");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("professional")))
                .selectByValue("12345625004/PHYSICIAN");
        browser.findElement(By.cssSelector("form.filter button")).click();
        wait.until(ExpectedConditions.urlContains("professional="));
        for (org.openqa.selenium.WebElement row : browser.findElements(By.cssSelector("#log tbody tr"))) {
            assertTrue(row.getText().contains("Jan Peeters"), "only the GP's entries: " + row.getText());
        }
        assertTrue(!browser.findElements(By.cssSelector("#log tbody tr")).isEmpty());
        HttpResponse<String> csv = Http.send(HttpRequest.newBuilder(URI.create(browser.findElement(By.id("csv"))
                .getAttribute("href"))).header("Cookie", "CAREVAULT_PORTAL=" + session.getValue()).GET());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        assertTrue(csv.body().startsWith("time,professional,role,nihii,channel,action") && csv.body().contains("\"NO_CONSENT\""),
                csv.body());
        signedPdf(session);
        medicationAndSummaries(ref);
        exclusions(ref, session);
        browser.findElement(By.cssSelector("nav.sections a[href$='/portal/']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
    }

    /**
     * The patient finds the GP by name among the professionals the hub knows (no SSIN on the page), excludes
     * him — refused at once over REST — and lifts it; lifting another patient's exclusion with this patient's
     * session and token is refused and that exclusion stays.
     */
    private static void exclusions(String ref, Cookie session) throws Exception {
        String claes = ConsentApi.resolve("62070834587");
        HttpResponse<String> theirs = Http.postJson(ConsentApi.BASE + claes + "/exclusions", ConsentApi.token("other-patient"),
                "{\"party\":{\"type\":\"SSIN\",\"id\":\"72081012378\"}}");
        assertTrue(theirs.statusCode() == 201 || theirs.statusCode() == 200, theirs.body());
        String theirId = Http.json(theirs).get("id").asText();
        try {
            browser.findElement(By.cssSelector("nav.sections a[href$='/exclusions']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q"))).sendKeys("Peeters");
            browser.findElement(By.cssSelector("form.filter button")).click();
            String results = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results"))).getText();
            assertTrue(results.contains("Jan Peeters") && results.contains("12345625004"), results);
            assertTrue(!browser.getPageSource().contains("72081012378"), "never a professional's SSIN");
            cardsOf("#results li", "Jan Peeters").get(0).findElement(By.cssSelector("button.danger")).click();
            assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exclusions"))).getText().contains("Jan Peeters"));
            assertEquals("EXCLUDED", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)));
            shot("portal-exclusions-desktop");

            String token = browser.findElement(By.cssSelector("main input[name='csrf']")).getAttribute("value");
            HttpResponse<String> tampered = postAs(session, "/portal/exclusions", "csrf=" + token + "&action=lift&id=" + theirId);
            assertEquals(404, tampered.statusCode(), "another patient's exclusion: not found");
            assertEquals("EXCLUDED", ConsentApi.outcome(ConsentApi.check(claes, "physician", "MEDICATION_SCHEME", "READ", null)),
                    "and still in force");

            cardsOf("#exclusions li", "Jan Peeters").get(0).findElement(By.cssSelector("button")).click();
            wait.until(driver -> cardsOf("#exclusions li", "Jan Peeters").isEmpty());
            assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(ref, "physician", "MEDICATION_SCHEME", "READ", null)));
        } finally {
            Http.delete(ConsentApi.BASE + claes + "/exclusions/" + theirId, ConsentApi.token("other-patient"));
        }
    }

    /**
     * The log as a PDF signed by the hub: the signature covers the whole file, chains to the demo CA (the hub's key)
     * and carries the hub's time-stamp; the text shows the patient, the GP and the refusals; one changed byte, and it
     * no longer verifies. The first page is saved as an image for the docs.
     */
    private static void signedPdf(Cookie session) throws Exception {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                browser.findElement(By.id("pdf")).getAttribute("href"))).header("Cookie", "CAREVAULT_PORTAL=" + session.getValue())
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        byte[] pdf = response.body();
        java.util.List<java.security.cert.X509Certificate> ca = java.util.List.of(
                org.carevault.crypto.pki.Pem.read(Stack.PKI.resolve("ca.pem")));
        org.carevault.crypto.pdf.SignedPdf.Verified verified = org.carevault.crypto.pdf.SignedPdf.verify(pdf, ca, ca);
        assertTrue(verified.signer().getSubjectX500Principal().getName().contains("CN=CareVault Hub"), "signed by the hub");
        assertTrue(verified.timeStamped().isPresent(), "with the hub's time-stamp");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Patient: Marc Devos") && text.contains("Care provider: Jan Peeters")
                    && text.contains("Refused (no consent)") && text.replace('\n', ' ').contains("Emergency access: "
                    + ConsentApi.GOOD_REASON), text);
            assertTrue(!text.contains("72081012378") && !text.contains(ConsentApi.DEVOS_SSIN), "no SSIN in the document");
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 72),
                    "png", SHOTS.resolve("portal-log-pdf.png").toFile());
        }
        // One byte of what the signature covers changed (XOR 1 changes any character; XOR 0x20 would only change the case
        // of a hex digit, which means the same), outside the signature's own /Contents.
        byte[] tampered = pdf.clone();
        String latin = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int contents = latin.lastIndexOf("/Contents <");
        int contentsEnd = latin.indexOf('>', contents);
        int at = pdf.length / 3;
        if (contents >= 0 && at >= contents && at <= contentsEnd) {
            at = contents / 2;
        }
        tampered[at] ^= 0x01;
        org.junit.jupiter.api.Assertions.assertThrows(org.carevault.crypto.pdf.SignedPdf.InvalidPdfSignature.class,
                () -> org.carevault.crypto.pdf.SignedPdf.verify(tampered, ca, ca), "one changed byte breaks the signature");
    }

    /**
     * Proxies in the browser. Marc Devos appoints Sofie Claes on the proxies page. She logs in and finds the people
     * she may act for: Marc (appointed) and her son Lucas (legal representative, linked by the operator). Choosing
     * a proxy id that is not hers is refused. Acting for Marc, she withdraws his consent (the GP is refused at once,
     * and his trail records it as done by her, basis PROXY) and gives it again; she cannot appoint proxies for him;
     * his log shows her acts. Marc revokes the proxy over REST: her next click ends acting for him. Acting for Lucas,
     * she sees herself as his legal representative, which only the operator removes.
     */
    @Test
    void aProxyActsForThePatientInTheBrowserAndIsRecordedAsTheProxy() throws Exception {
        // Whatever another test left: no portal session, no Keycloak session (its cookies live under the realm's path).
        browser.get(Stack.KEYCLOAK + "/realms/carevault/");
        browser.manage().deleteAllCookies();
        browser.get(Stack.HUB + "/portal/logged-out");
        browser.manage().deleteAllCookies();
        String devos = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        String claes = ConsentApi.resolve("62070834587");
        ConsentApi.putConsentAsProfessional(devos, "physician");
        ConsentApi.linkId(devos, "physician");
        String stranger = ConsentApi.resolve(ConsentApi.newSsin());
        HttpResponse<String> foreign = Http.postJson(ConsentApi.BASE + stranger + "/proxies", ConsentApi.token("admin"),
                "{\"ssin\":\"" + ConsentApi.DEVOS_SSIN + "\",\"name\":\"Marc Devos\",\"patientName\":\"Someone else\"}");
        assertEquals(201, foreign.statusCode(), foreign::body);
        String foreignId = Http.json(foreign).get("id").asText();

        login("patient.devos");
        open("/proxies", "proxy-ssin");
        browser.findElement(By.id("proxy-ssin")).sendKeys("620708 345 87");
        browser.findElement(By.id("proxy-name")).sendKeys("Sofie Claes");
        browser.findElement(By.cssSelector("form.stack button")).click();
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proxies"))).getText().contains("Sofie Claes"));
        assertTrue(!browser.getPageSource().contains("62070834587"), "the proxy's SSIN is not shown back");
        shot("portal-proxies-desktop");
        phoneShot("portal-proxies-phone");
        logout();

        login("patient.claes");
        open("/proxies", "represented");
        String represented = browser.findElement(By.id("represented")).getText();
        assertTrue(represented.contains("Marc Devos") && represented.contains("Lucas Claes"), represented);
        shot("portal-represented-desktop");
        Cookie session = browser.manage().getCookieNamed("CAREVAULT_PORTAL");
        assertEquals(404, postAs(session, "/portal/acting", "csrf=" + csrf() + "&proxy=" + foreignId).statusCode(),
                "someone else's proxy id: not found");
        cardsOf("#represented li", "Marc Devos").get(0).findElement(By.cssSelector("button")).click();
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acting"))).getText().contains("Marc Devos"));
        shot("portal-acting-desktop");
        phoneShot("portal-acting-phone");

        String before = status();
        assertTrue(before.contains("active") && !before.contains("inactive"), "Marc's consent");
        press("danger");
        assertEquals("NO_CONSENT", ConsentApi.outcome(ConsentApi.check(devos, "physician", "MEDICATION_SCHEME", "READ", null)),
                "withdrawn by the proxy: the GP is refused at once");
        com.fasterxml.jackson.databind.JsonNode entry = ConsentApi.lastEntry(devos, "RevokePatientConsent");
        assertEquals("PROXY", entry.get("basis").asText());
        assertEquals(claes, entry.get("callerId").asText(), "recorded as done by Sofie Claes");
        assertEquals("PORTAL", entry.get("channel").asText());
        press("primary");
        assertEquals("PERMIT", ConsentApi.outcome(ConsentApi.check(devos, "physician", "MEDICATION_SCHEME", "READ", null)));

        String proxiesBefore = Http.get(ConsentApi.BASE + devos + "/proxies", ConsentApi.token("patient")).body();
        assertEquals(403, postAs(session, "/portal/proxies", "csrf=" + csrf() + "&action=appoint&ssin=72081012378&name=X")
                .statusCode(), "a proxy cannot appoint proxies");
        assertEquals(proxiesBefore, Http.get(ConsentApi.BASE + devos + "/proxies", ConsentApi.token("patient")).body());
        open("/log", "log");
        assertTrue(browser.findElement(By.id("log")).getText().contains("You (as proxy)"));

        String id = null;
        for (com.fasterxml.jackson.databind.JsonNode proxy : Http.json(Http.get(ConsentApi.BASE + devos + "/proxies",
                ConsentApi.token("patient")))) {
            if ("Sofie Claes".equals(proxy.get("proxyName").asText()) && !proxy.hasNonNull("revokedAt")) {
                id = proxy.get("id").asText();
            }
        }
        assertEquals(204, Http.delete(ConsentApi.BASE + devos + "/proxies/" + id, ConsentApi.token("patient")).statusCode());
        browser.findElement(By.cssSelector("nav.sections a[href$='/portal/']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proxy-ended")));
        assertTrue(browser.findElements(By.id("acting")).isEmpty(), "no longer acting for Marc");
        assertTrue(!browser.findElement(By.id("represented")).getText().contains("Marc Devos"));

        cardsOf("#represented li", "Lucas Claes").get(0).findElement(By.cssSelector("button")).click();
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acting"))).getText().contains("Lucas Claes"));
        open("/proxies", "proxies");
        assertTrue(browser.findElement(By.id("proxies")).getText().contains("Legal representative"));
        assertTrue(browser.findElements(By.cssSelector("#proxies button")).isEmpty(), "only the operator removes it");
        assertTrue(browser.findElements(By.id("proxy-ssin")).isEmpty(), "no appointing for someone else");
        browser.findElement(By.cssSelector("#acting button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-status")));
        assertTrue(browser.findElements(By.id("acting")).isEmpty(), "back on her own data");
        tamperedIdentifiers(session, foreignId, devos);
        logout();
    }

    /**
     * Every identifier the pages send, tampered with, in a logged-in session with the page's own anti-forgery token:
     * nothing of another patient is shown or changed. The patient a page works on never comes from the request.
     */
    private static void tamperedIdentifiers(Cookie session, String foreignProxyId, String otherPatient) throws Exception {
        String csrf = csrf();
        assertEquals(404, postAs(session, "/portal/proxies", "csrf=" + csrf + "&action=revoke&id=" + foreignProxyId).statusCode(),
                "revoking another patient's proxy");
        assertEquals(404, postAs(session, "/portal/acting", "csrf=" + csrf + "&proxy=not-an-id").statusCode());
        assertEquals(404, postAs(session, "/portal/exclusions", "csrf=" + csrf + "&action=exclude&nihii=19999999999&role=PHYSICIAN")
                .statusCode(), "excluding a professional the hub does not know");
        assertEquals(400, postAs(session, "/portal/notices", "csrf=" + csrf + "&upTo=everything").statusCode());
        assertEquals(400, postAs(session, "/portal/consent", "csrf=" + csrf + "&action=delete").statusCode());
        assertEquals(404, Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/portal/log?professional=19999999999/PHYSICIAN"))
                .header("Cookie", "CAREVAULT_PORTAL=" + session.getValue()).GET()).statusCode());
        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Stack.HUB
                + "/portal/log.pdf?patientRef=" + otherPatient + "&patient=" + otherPatient)).header("Cookie", "CAREVAULT_PORTAL="
                + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Patient: Sofie Claes") && !text.contains("Marc Devos"), "her own log, whatever the URL says");
        }
        HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/portal/?patientRef=" + otherPatient))
                .header("Cookie", "CAREVAULT_PORTAL=" + session.getValue()).GET());
        assertTrue(page.body().contains("Welcome, Sofie Claes.") && !page.body().contains("acting for"), "her own page");
    }

    /** The GP writes a schedule and pushes a Sumehr over REST; the patient reads both in the portal, read-only. */
    private static void medicationAndSummaries(String ref) throws Exception {
        String path = ConsentApi.BASE + ref + "/medication-scheme";
        String gp = ConsentApi.token("physician");
        HttpResponse<String> current = Http.get(path, gp);
        String version = current.statusCode() == 200 ? current.headers().firstValue("ETag").orElseThrow() : "\"0\"";
        HttpResponse<String> put = MedicationSchemeIT.put(path, gp, version, SchemeMessages.scheme(ConsentApi.DEVOS_SSIN, "1",
                java.util.List.of(SchemeMessages.Element.of("Bisoprolol 5 mg"), SchemeMessages.Element.of("Atorvastatine 20 mg"))));
        assertTrue(put.statusCode() == 200 || put.statusCode() == 201, put.body());
        HttpResponse<String> pushed = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + ConsentApi.BASE + ref + "/sumehrs"))
                .header("Authorization", "Bearer " + gp).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(SumehrIT.sumehr(ConsentApi.DEVOS_SSIN, "Hypertensie"))));
        assertEquals(201, pushed.statusCode(), pushed.body());

        browser.findElement(By.cssSelector("nav.sections a[href$='/medication']")).click();
        String scheme = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scheme"))).getText();
        assertTrue(scheme.contains("Bisoprolol 5 mg") && scheme.contains("Atorvastatine 20 mg"), scheme);
        assertTrue(scheme.contains("2026") && !scheme.contains("2026-11-01"),
                "since the element's begin moment, written like every other date: " + scheme);
        String summaries = browser.findElement(By.id("sumehrs")).getText();
        assertTrue(summaries.contains("Jan Peeters"), summaries);
        assertTrue(summaries.contains("28") && summaries.contains("2026") && !summaries.contains("2026-11-28T"),
                "the Sumehr's date like every other date, not as KMEHR writes it: " + summaries);
        assertTrue(browser.findElements(By.cssSelector("main form")).isEmpty(), "read-only: nothing to submit");
        assertEquals("PORTAL", ConsentApi.lastEntry(ref, "GetTransactionSet").get("channel").asText(), "the read is recorded");

        // A vaccination the nurse pushes: the patient finds it on the same page, in words.
        ConsentApi.linkId(ref, "nurse");
        String lot = "LOT" + System.nanoTime() % 100000;
        HttpResponse<String> vaccinated = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + ConsentApi.BASE + ref
                + "/vaccinations")).header("Authorization", "Bearer " + ConsentApi.token("nurse"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(VaccinationIT.vaccination(
                        ConsentApi.DEVOS_SSIN, "tetanus", "Boostrix", "2026-12-03", lot))));
        assertEquals(201, vaccinated.statusCode(), vaccinated.body());
        browser.get(Stack.HUB + "/portal/medication?lang=en");
        String vaccinations = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaccinations"))).getText();
        assertTrue(vaccinations.contains("Tetanus") && vaccinations.contains("Vaccine: Boostrix") && vaccinations.contains("Lot: " + lot)
                && vaccinations.contains("Recorded by Lotte Maes") && vaccinations.contains("December 3, 2026"), vaccinations);
        browser.get(Stack.HUB + "/portal/medication?lang=nl");
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaccinations"))).getText().contains("Tetanus"));
        browser.get(Stack.HUB + "/portal/medication?lang=fr#vaccination-title");
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vaccinations"))).getText().contains("Tétanos"));
        shot("portal-vaccinations-fr");
        browser.get(Stack.HUB + "/portal/medication?lang=en");
        interopSchedulesInWords(ref, gp);
    }

    /**
     * Each interop medication scheme, pushed by the GP as Devos's, read in the portal: every element with its medicine,
     * every intake of its regimen and its free-text posology in words, codes translated (no raw day period left), its
     * suspensions; then the same on the printable page and in the PDF. Skipped where ../shared is absent.
     */
    private static void interopSchedulesInWords(String ref, String gp) throws Exception {
        java.nio.file.Path corpus = java.nio.file.Path.of(System.getProperty("carevault.interop.dir", "../../shared/interop"),
                "kmehr", "medication-scheme");
        if (!java.nio.file.Files.isDirectory(corpus)) {
            System.out.println("NOTICE: PortalIT skips the interop schedules: " + corpus + " is absent");
            return;
        }
        java.util.List<java.nio.file.Path> samples;
        try (var files = java.nio.file.Files.list(corpus)) {
            samples = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        String path = ConsentApi.BASE + ref + "/medication-scheme";
        for (java.nio.file.Path sample : samples) {
            byte[] bytes = java.nio.file.Files.readAllBytes(sample);
            String theirs = org.carevault.kmehr.KmehrParser.parse(bytes).patient().value();
            String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace(theirs, ConsentApi.DEVOS_SSIN);
            String version = Http.get(path, gp).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> put = MedicationSchemeIT.put(path, gp, version, xml);
            assertEquals(200, put.statusCode(), sample + ": " + put.body());
            org.carevault.kmehr.MedicationSchedule schedule = org.carevault.kmehr.MedicationSchedule.of(
                    org.carevault.kmehr.KmehrParser.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

            browser.get(Stack.HUB + "/portal/medication?lang=en");
            String page = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scheme"))).getText();
            assertEquals(schedule.lines().size(), browser.findElements(By.cssSelector("#scheme > li")).size(), sample + ": every element");
            int said = 0;
            for (org.carevault.kmehr.MedicationSchedule.Line line : schedule.lines()) {
                assertTrue(page.contains(line.medicine().orElseThrow()), sample + ": " + line.medicine());
                said += line.intakes().size() + (line.posology().isPresent() ? 1 : 0);
                line.instructions().ifPresent(i -> assertTrue(page.contains(i), sample + ": the instructions"));
            }
            assertEquals(said, browser.findElements(By.cssSelector("#scheme ul.intakes li")).size(),
                    sample + ": every intake and free-text posology, in words");
            for (String code : java.util.List.of("afterlunch", "beforebreakfast", "duringbreakfast", "thehourofsleep", "friday")) {
                assertFalse(page.contains(code), sample + ": " + code + " in words, not as the code");
            }
            if (xml.contains("isplannedfor")) {
                assertTrue(page.contains("Suspended from") || page.contains("Stopped from"), sample + ": the suspensions");
            }
            if (sample.getFileName().toString().startsWith("TS-02")) {
                assertTrue(page.contains("after lunch: 2") && page.contains("Friday, before breakfast: 2"), page);
                shot("portal-medication-desktop");
                phoneShot("portal-medication-phone");
                browser.findElement(By.id("print")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schedule")));
                assertEquals(schedule.lines().size(), browser.findElements(By.cssSelector("#schedule tbody tr")).size());
                shot("portal-medication-print");
                HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        Stack.HUB + "/portal/medication.pdf")).header("Cookie", "CAREVAULT_PORTAL="
                        + browser.manage().getCookieNamed("CAREVAULT_PORTAL").getValue()).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, pdf.statusCode());
                assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
                try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                    String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                    assertTrue(text.contains("My medication schedule") && text.contains("after lunch"), text);
                }
            }
        }
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicy() {
        HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/portal/logged-out")).GET());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'")
                && !policy.contains("unsafe"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        HttpResponse<String> anonymous = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/portal/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("action=withdraw")));
        assertEquals(302, anonymous.statusCode(), "no session: sent to the login, nothing changed");
    }
}
