package org.carevault.interfaces.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's OIDC client against a small provider served by the JDK's HTTP server: PKCE is sent and
 * checked, and an ID token is accepted only with the provider's signature, issuer, audience, expiry and
 * this login's nonce.
 */
class OidcClientTest {

    private static HttpServer server;
    private static String issuer;
    private static final KeyPair PROVIDER = keys();
    private static final KeyPair FORGER = keys();
    private static final AtomicReference<String> ID_TOKEN = new AtomicReference<>();
    private static final AtomicReference<String> ACCESS_TOKEN = new AtomicReference<>();
    private static final AtomicReference<String> LAST_TOKEN_REQUEST = new AtomicReference<>();

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void provider() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        RSAPublicKey key = (RSAPublicKey) PROVIDER.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwks = "{\"keys\":[{\"kid\":\"k1\",\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                + b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
        String discovery = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/auth\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/certs\","
                + "\"end_session_endpoint\":\"" + issuer + "/logout\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> reply(exchange, discovery));
        server.createContext("/realms/test/certs", exchange -> reply(exchange, jwks));
        server.createContext("/realms/test/token", exchange -> {
            LAST_TOKEN_REQUEST.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, "{\"id_token\":\"" + ID_TOKEN.get() + "\",\"access_token\":\"" + ACCESS_TOKEN.get()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        });
        server.start();
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String jwt(KeyPair signer, String alg, String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"k1\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signer.getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(signature.sign());
    }

    private static String claims(String iss, String aud, long exp, String nonce) {
        return "{\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"azp\":\"carevault-portal\",\"sub\":\"u1\",\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":" + exp
                + ",\"nonce\":\"" + nonce + "\",\"ssin\":\"55032001180\",\"realm_access\":{\"roles\":[\"patient\"]}}";
    }

    private static OidcClient.Login login(String idToken, OidcClient client, OidcClient.Pending pending) throws Exception {
        ID_TOKEN.set(idToken);
        ACCESS_TOKEN.set(jwt(PROVIDER, "RS256", claims(issuer, "carevault-api", Instant.now().getEpochSecond() + 300, "")));
        return client.complete(pending, URI.create(pending.redirectUri() + "?code=the-code&state=" + pending.state()));
    }

    @Test
    void aGoodLoginSendsPkceAndYieldsTheClaimsAndRoles() throws Exception {
        OidcClient client = new OidcClient(issuer);
        OidcClient.Pending pending = client.begin("http://localhost/portal/callback");
        URI authorization = client.authorizationUri(pending);
        assertTrue(authorization.getQuery().contains("code_challenge=" + OidcClient.challenge(pending.verifier())));
        assertTrue(authorization.getQuery().contains("code_challenge_method=S256"));
        assertTrue(!authorization.toString().contains(pending.verifier()), "the verifier never travels through the browser");

        OidcClient.Login login = login(jwt(PROVIDER, "RS256", claims(issuer, "carevault-portal",
                Instant.now().getEpochSecond() + 300, pending.nonce())), client, pending);
        assertEquals("55032001180", login.ssin());
        assertEquals("u1", login.subject());
        assertTrue(login.roles().contains("patient"));
        assertTrue(LAST_TOKEN_REQUEST.get().contains("code_verifier=" + pending.verifier()), "the verifier goes to the token endpoint");
    }

    @Test
    void anyOtherIdTokenIsRefused() throws Exception {
        OidcClient client = new OidcClient(issuer);
        OidcClient.Pending pending = client.begin("http://localhost/portal/callback");
        long later = Instant.now().getEpochSecond() + 300;
        Map<String, String> bad = Map.of(
                "forged signature", jwt(FORGER, "RS256", claims(issuer, "carevault-portal", later, pending.nonce())),
                "other issuer", jwt(PROVIDER, "RS256", claims(issuer + "x", "carevault-portal", later, pending.nonce())),
                "other audience", jwt(PROVIDER, "RS256", claims(issuer, "carevault-api", later, pending.nonce())),
                "expired", jwt(PROVIDER, "RS256", claims(issuer, "carevault-portal", later - 1000, pending.nonce())),
                "other nonce", jwt(PROVIDER, "RS256", claims(issuer, "carevault-portal", later, "another")),
                "unsigned", jwt(PROVIDER, "RS256", claims(issuer, "carevault-portal", later, pending.nonce()))
                        .replaceFirst("^[^.]+", Base64.getUrlEncoder().withoutPadding()
                                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))));
        for (Map.Entry<String, String> token : bad.entrySet()) {
            assertThrows(OidcClient.OidcException.class, () -> login(token.getValue(), client, pending), token.getKey());
        }
    }

    @Test
    void aCallbackOfAnotherLoginOrAnErrorAnswerIsRefusedBeforeAnyExchange() throws Exception {
        OidcClient client = new OidcClient(issuer);
        OidcClient.Pending pending = client.begin("http://localhost/portal/callback");
        ID_TOKEN.set(jwt(PROVIDER, "RS256", claims(issuer, "carevault-portal", Instant.now().getEpochSecond() + 300,
                pending.nonce())));
        ACCESS_TOKEN.set(jwt(PROVIDER, "RS256", claims(issuer, "carevault-api", Instant.now().getEpochSecond() + 300, "")));
        LAST_TOKEN_REQUEST.set(null);
        Map<String, String> bad = Map.of(
                "other state", "?code=the-code&state=" + client.begin("http://localhost/portal/callback").state(),
                "no state", "?code=the-code",
                "refused by the patient", "?error=access_denied&state=" + pending.state(),
                "no code", "?state=" + pending.state());
        for (Map.Entry<String, String> callback : bad.entrySet()) {
            assertThrows(OidcClient.OidcException.class,
                    () -> client.complete(pending, URI.create(pending.redirectUri() + callback.getValue())), callback.getKey());
        }
        assertEquals(null, LAST_TOKEN_REQUEST.get(), "no code was exchanged");
    }

    @Test
    void theLogoutRequestNamesTheSessionAndWhereToComeBack() throws Exception {
        OidcClient client = new OidcClient(issuer);
        String idToken = jwt(PROVIDER, "RS256", claims(issuer, "carevault-portal", Instant.now().getEpochSecond() + 300, "n"));
        URI logout = client.logoutUri(idToken, "http://localhost/portal/logged-out?lang=nl");
        assertTrue(logout.toString().startsWith(issuer + "/logout?"));
        assertTrue(logout.getQuery().contains("id_token_hint=" + idToken), logout.toString());
        assertTrue(logout.getQuery().contains("post_logout_redirect_uri=http://localhost/portal/logged-out?lang=nl"), logout.toString());
        assertTrue(logout.getQuery().contains("client_id=carevault-portal"), logout.toString());
    }
}
