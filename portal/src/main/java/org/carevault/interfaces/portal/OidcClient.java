package org.carevault.interfaces.portal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The portal's OpenID Connect client: the authorization code flow with PKCE (S256) against the realm
 * named by {@code carevault.oidc.provider-url}, as the public client {@code carevault-portal}. The ID
 * token comes straight from the token endpoint and is still verified in full: RS256 signature against
 * the realm's published keys, issuer, audience, expiry and the nonce of this login.
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
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private volatile JsonObject discovery;

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

    /** Verifies a token of this client: the ID token (audience: this client) or the access token (issued to it). */
    JsonObject verify(String jwt, boolean idToken) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new OidcException("not a signed JWT");
        }
        JsonObject header = json(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw new OidcException("unexpected algorithm");
        }
        PublicKey key = key(header.getString("kid", ""));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new OidcException("bad signature");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new OidcException("bad signature");
        }
        JsonObject claims = json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        Instant now = Instant.now();
        boolean ours = idToken ? audienceHolds(claims) : CLIENT_ID.equals(claims.getString("azp", ""));
        if (!issuer.equals(claims.getString("iss", "")) || !ours
                || !claims.containsKey("exp") || Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()).plus(CLOCK_SKEW)
                        .isBefore(now)) {
            throw new OidcException("issuer, audience or expiry");
        }
        return claims;
    }

    private static boolean audienceHolds(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud == null) {
            return false;
        }
        if (aud.getValueType() == JsonValue.ValueType.STRING) {
            return CLIENT_ID.equals(claims.getString("aud"));
        }
        return aud.getValueType() == JsonValue.ValueType.ARRAY
                && claims.getJsonArray("aud").getValuesAs(jakarta.json.JsonString.class).stream()
                        .anyMatch(s -> CLIENT_ID.equals(s.getString()));
    }

    private PublicKey key(String kid) {
        PublicKey key = keys.get(kid);
        if (key == null) {
            loadKeys();
            key = keys.get(kid);
        }
        if (key == null) {
            throw new OidcException("unknown key");
        }
        return key;
    }

    private synchronized void loadKeys() {
        JsonObject jwks = get(endpoint("jwks_uri"));
        for (JsonValue value : jwks.getJsonArray("keys")) {
            JsonObject jwk = value.asJsonObject();
            if ("RSA".equals(jwk.getString("kty", "")) && "sig".equals(jwk.getString("use", "sig"))) {
                try {
                    BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
                    BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
                    keys.put(jwk.getString("kid", ""), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
                } catch (GeneralSecurityException ex) {
                    throw new OidcException("unusable key");
                }
            }
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
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
