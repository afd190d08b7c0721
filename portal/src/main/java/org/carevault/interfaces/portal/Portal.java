package org.carevault.interfaces.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.carevault.domain.Caller;

/** What every portal page shares: the session's patient, its anti-forgery token, its language, and HTML escaping. */
final class Portal {

    static final String CALLER = "carevault.portal.caller";
    static final String ID_TOKEN = "carevault.portal.idToken";
    static final String CSRF = "carevault.portal.csrf";
    static final String PENDING = "carevault.portal.pending";
    static final String LANGUAGE = "carevault.portal.language";
    static final String ACTING = "carevault.portal.acting";
    static final List<String> LANGUAGES = List.of("en", "fr", "nl");
    /** The time zone in which the portal shows times and reads the days a patient types. */
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static volatile OidcClient oidc;

    private Portal() {
    }

    static OidcClient oidc() {
        OidcClient client = oidc;
        if (client == null) {
            client = new OidcClient(System.getProperty("carevault.oidc.provider-url", ""));
            oidc = client;
        }
        return client;
    }

    /** The identity provider's origin (scheme, host, port). */
    static String providerOrigin() {
        URI uri = URI.create(System.getProperty("carevault.oidc.provider-url", "http://localhost"));
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** Where a patient manages how they sign in (password, authenticator app, security key): the account console. */
    static String accountSecurity() {
        return System.getProperty("carevault.oidc.provider-url", "") + "/account/account-security/signing-in";
    }

    static Optional<Caller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((Caller) session.getAttribute(CALLER));
    }

    /** The session's anti-forgery token, made at login. */
    static String csrf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? "" : String.valueOf(session.getAttribute(CSRF));
    }

    /** Whether a form carries the session's token (compared in constant time). */
    static boolean csrfHolds(HttpServletRequest request) {
        String expected = csrf(request);
        String given = request.getParameter("csrf");
        return !expected.isEmpty() && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** The language: chosen in this session (?lang=), else the browser's first supported one, else English. */
    static String language(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(LANGUAGE);
        if (chosen instanceof String language) {
            return language;
        }
        for (var locales = request.getLocales(); locales.hasMoreElements();) {
            String language = locales.nextElement().getLanguage();
            if (LANGUAGES.contains(language)) {
                return language;
            }
        }
        return "en";
    }

    static ResourceBundle messages(String language) {
        // No fallback to the server's default locale: English is the base bundle, whatever the JVM's locale.
        return ResourceBundle.getBundle("org.carevault.interfaces.portal.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The hub's own address as the browser used it (for the redirect URIs registered in Keycloak). */
    static String base(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (standard ? "" : ":" + port) + request.getContextPath();
    }
}
