package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Patients log in on phones: Keycloak's login page, reached as the portal sends a patient there, loads its theme
 * compressed and cacheable. Measured on the wire: every stylesheet and script the page names is sent gzip-compressed
 * with a Cache-Control max-age of at least a day, and what a first visit downloads (compressed) stays under 300 KB —
 * it was 1.77 MB, uncompressed and {@code no-cache}.
 */
class LoginPageWeightIT {

    private static final Pattern RESOURCE = Pattern.compile("(?:href|src)=\"(/resources/[^\"]+\\.(?:css|js))\"");
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");

    @Test
    void theLoginThemeIsCompressedAndCacheable() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/portal/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("kc-login"), "Keycloak's login page");
        URI keycloak = login.uri();
        List<String> resources = new ArrayList<>();
        Matcher matcher = RESOURCE.matcher(login.body());
        while (matcher.find()) {
            resources.add(matcher.group(1));
        }
        assertTrue(resources.size() >= 2, "the theme's stylesheets and scripts: " + resources);
        long compressed = 0;
        long plain = 0;
        for (String resource : resources) {
            URI uri = keycloak.resolve(resource);
            HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, gzipped.statusCode(), resource);
            String cache = gzipped.headers().firstValue("Cache-Control").orElse("");
            Matcher age = MAX_AGE.matcher(cache);
            assertTrue(age.find() && Long.parseLong(age.group(1)) >= 86_400 && !cache.contains("no-cache"),
                    resource + " cacheable for at least a day: " + cache);
            if (gzipped.body().length > 1024) {
                assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), resource + " compressed");
            }
            compressed += gzipped.body().length;
            plain += client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        System.out.printf("login page theme: %d resources, %d bytes compressed of %d (%.1f %%)%n", resources.size(),
                compressed, plain, 100.0 * compressed / plain);
        assertTrue(compressed < 300_000, "a first visit downloads " + compressed + " bytes of theme");
    }
}
