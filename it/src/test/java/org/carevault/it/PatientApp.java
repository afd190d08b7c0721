package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A patient's own app logging its user in as such an app does: the authorization code flow with PKCE through
 * Keycloak's own pages (the login form, then the one-time code form), answered with the demo password and a TOTP code
 * of the patient's authenticator, asking for {@code acr_values=mfa}. The tokens it gets say {@code acr: mfa}, which a
 * password grant never does. Keycloak's cookies are kept by hand: it marks them Secure, and the JDK's cookie store
 * does not send those over plain http (a browser treats localhost as secure).
 */
final class PatientApp {

    static final String CLIENT_ID = "it-patient-app";
    static final String REDIRECT = "http://localhost/it-patient-app/callback";
    private static final Pattern FORM = Pattern.compile("<form[^>]*\\bid=\"([^\"]+)\"[^>]*>|<form[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private PatientApp() {
    }

    /** An access token of the demo patient after password and second factor ({@code acr mfa}). */
    static String mfaToken(String username) {
        return new PatientApp().login(username, "mfa");
    }

    private String login(String username, String acr) {
        byte[] verifierBytes = new byte[32];
        RANDOM.nextBytes(verifierBytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(verifierBytes);
        String auth = Stack.KEYCLOAK + "/realms/carevault/protocol/openid-connect/auth?" + form(Map.of("client_id", CLIENT_ID,
                "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT, "state", "it",
                "code_challenge", challenge(verifier), "code_challenge_method", "S256", "acr_values", acr));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(auth)).GET());
        assertEquals(200, page.statusCode(), "Keycloak's login page");
        page = post(action(page.body(), "kc-form-login"), Map.of("username", username, "password", Tokens.DEMO_PASSWORD));
        assertEquals(200, page.statusCode(), "the one-time code page");
        HttpResponse<String> back = post(action(page.body(), "kc-otp-login-form"), Map.of("otp", SecondFactor.code(username)));
        assertEquals(302, back.statusCode(), () -> "back to the app with a code: " + back.statusCode());
        String location = back.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        String code = query(location).get("code");
        HttpResponse<String> tokens = Http.postForm(Stack.tokenEndpoint("carevault"), Map.of("grant_type", "authorization_code",
                "client_id", CLIENT_ID, "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertEquals(200, tokens.statusCode(), tokens::body);
        return Http.json(tokens).get("access_token").asText();
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (set.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, equals));
                } else {
                    cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The action of the page's form with that id (HTML-unescaped). */
    private static String action(String html, String formId) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            if (formId.equals(form.group(1))) {
                Matcher action = ACTION.matcher(form.group());
                assertTrue(action.find(), "the form has an action");
                return action.group(1).replace("&amp;", "&");
            }
        }
        throw new AssertionError("no form " + formId + " on Keycloak's page");
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(uri).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
