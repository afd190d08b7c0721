package org.carevault.interfaces.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.carevault.crypto.Sha256;

/**
 * The portal's OpenID Connect client: the authorization code flow with PKCE (S256) against the realm
 * named by {@code carevault.oidc.provider-url}, as the public client {@code carevault-portal}. The ID
 * token comes straight from the token endpoint and is still verified in full, by Nimbus JOSE+JWT: RS256
 * signature against the realm's published keys, issuer, audience, expiry; then the nonce of this login.
 */
final class OidcClient {

    static final String CLIENT_ID = "carevault-portal";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** What a login keeps in the session between the redirect and the callback. */
    record Pending(String state, String nonce, String verifier, String redirectUri) {
    }

    /** A verified login: the ID token (for logout), its claims, and the access token's realm roles. */
    record Login(String idToken, JsonObject claims, java.util.Set<String> roles) {
    }

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private volatile JsonObject discovery;
    private JWKSource<SecurityContext> keySource;
    private volatile ConfigurableJWTProcessor<SecurityContext> idTokens;
    private volatile ConfigurableJWTProcessor<SecurityContext> accessTokens;

    OidcClient(String issuer) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Starts a login: the state, nonce and PKCE verifier to keep, and where to send the browser. */
    Pending begin(String redirectUri) {
        return new Pending(random(), random(), random(), redirectUri);
    }

    URI authorizationUri(Pending pending) {
        return URI.create(endpoint("authorization_endpoint") + "?" + form(Map.of("response_type", "code", "client_id", CLIENT_ID,
                "redirect_uri", pending.redirectUri(), "scope", "openid", "state", pending.state(), "nonce", pending.nonce(),
                "code_challenge", challenge(pending.verifier()), "code_challenge_method", "S256")));
    }

    /** Exchanges the code (with the PKCE verifier) and verifies the ID token. */
    Login complete(Pending pending, String code) {
        JsonObject tokens = post(endpoint("token_endpoint"), Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", pending.redirectUri(), "client_id", CLIENT_ID, "code_verifier", pending.verifier()));
        String idToken = tokens.getString("id_token", null);
        if (idToken == null) {
            throw new OidcException("no ID token");
        }
        JsonObject claims = verify(idToken, true);
        if (!pending.nonce().equals(claims.getString("nonce", ""))) {
            throw new OidcException("nonce mismatch");
        }
        JsonObject access = verify(tokens.getString("access_token", ""), false);
        java.util.Set<String> roles = new java.util.HashSet<>();
        JsonObject realmAccess = access.getJsonObject("realm_access");
        if (realmAccess != null && realmAccess.containsKey("roles")) {
            realmAccess.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).forEach(r -> roles.add(r.getString()));
        }
        if (!claims.getString("sub", "").equals(access.getString("sub", "-"))) {
            throw new OidcException("tokens of different users");
        }
        return new Login(idToken, claims, roles);
    }

    /** Where to send the browser to end the Keycloak session too. */
    URI logoutUri(String idToken, String postLogoutRedirectUri) {
        return URI.create(endpoint("end_session_endpoint") + "?" + form(Map.of("id_token_hint", idToken,
                "post_logout_redirect_uri", postLogoutRedirectUri, "client_id", CLIENT_ID)));
    }

    /**
     * Verifies a token of this client with Nimbus JOSE+JWT (no JWT code of the hub's own): RS256 under a key of the
     * realm's published set (fetched and refreshed by the library), issuer, expiry (30 s of clock skew), and either
     * the audience (the ID token: this client) or the authorized party (the access token: issued to this client).
     */
    JsonObject verify(String jwt, boolean idToken) {
        try {
            return json(processor(idToken).process(jwt, null).toString());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new OidcException("token refused: " + e.getClass().getSimpleName());
        }
    }

    private ConfigurableJWTProcessor<SecurityContext> processor(boolean idToken) {
        ConfigurableJWTProcessor<SecurityContext> found = idToken ? idTokens : accessTokens;
        if (found != null) {
            return found;
        }
        synchronized (this) {
            if (keySource == null) {
                try {
                    keySource = JWKSourceBuilder.create(URI.create(endpoint("jwks_uri")).toURL()).retrying(true).build();
                } catch (java.net.MalformedURLException e) {
                    throw new OidcException("the provider's key set has no usable address");
                }
            }
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource));
            JWTClaimsSet exact = idToken ? new JWTClaimsSet.Builder().issuer(issuer).build()
                    : new JWTClaimsSet.Builder().issuer(issuer).claim("azp", CLIENT_ID).build();
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(idToken ? CLIENT_ID : null, exact,
                    Set.of("sub", "exp"));
            claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
            processor.setJWTClaimsSetVerifier(claims);
            if (idToken) {
                idTokens = processor;
            } else {
                accessTokens = processor;
            }
            return processor;
        }
    }

    private String endpoint(String name) {
        JsonObject found = discovery;
        if (found == null) {
            found = get(issuer + "/.well-known/openid-configuration");
            discovery = found;
        }
        String value = found.getString(name, null);
        if (value == null) {
            throw new OidcException("the provider has no " + name);
        }
        return value;
    }

    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private JsonObject get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private JsonObject post(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    private JsonObject send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new OidcException("the provider answered " + response.statusCode());
            }
            return json(response.body());
        } catch (IOException e) {
            throw new OidcException("the provider cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("interrupted");
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new OidcException("not JSON");
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A login that cannot be completed (the reason is for the log; the patient sees a generic message). */
    static final class OidcException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OidcException(String reason) {
            super(reason);
        }
    }
}
