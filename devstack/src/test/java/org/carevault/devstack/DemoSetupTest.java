package org.carevault.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pkcs12;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSetupTest {

    @Test
    void aSecondRunKeepsKeysAndSecretsAndTheRealmCarriesTheDemoIdentities(@TempDir Path dir) throws Exception {
        run(dir);
        Properties secrets = load(dir.resolve("secrets.properties"));
        byte[] gpKey = Files.readAllBytes(dir.resolve("pki/gp.peeters.p12"));

        run(dir);
        assertEquals(secrets, load(dir.resolve("secrets.properties")), "secrets are generated once");
        assertTrue(java.util.Arrays.equals(gpKey, Files.readAllBytes(dir.resolve("pki/gp.peeters.p12"))));
        assertFalse(Files.getPosixFilePermissions(dir.resolve("secrets.properties")).contains(PosixFilePermission.OTHERS_READ));

        Credential gp = Pkcs12.readCredential(dir.resolve("pki/gp.peeters.p12"),
                secrets.getProperty("pki.demo-password").toCharArray());
        CertificateIdentity identity = CertificateIdentity.parse(gp.certificate().getSubjectX500Principal()).orElseThrow();
        assertEquals("72081012378", identity.ssin().value());
        assertEquals("PHYSICIAN", identity.quality());

        JsonObject realm = Json.createReader(new StringReader(Files.readString(dir.resolve("import/carevault-realm.json"))))
                .readObject();
        assertEquals("carevault", realm.getString("realm"));
        String users = realm.getJsonArray("users").toString();
        assertTrue(users.contains("\"patient.claes\"") && users.contains("62070834587"));
        String clients = realm.getJsonArray("clients").toString();
        assertTrue(clients.contains(secrets.getProperty("keycloak.hospital-az-secret")));
        assertTrue(clients.contains("it-short-lived"), "test mode adds the test clients");
        assertTrue(Files.exists(dir.resolve("import/other-realm.json")));

        // Strong authentication: two levels, the portal asks for the second by default, demo patients have a TOTP whose
        // key is an installation secret (printed base32), every demo person has the realm's default roles.
        assertEquals("{\"password\":1,\"mfa\":2}", realm.getJsonObject("attributes").getString("acr.loa.map"));
        assertEquals("carevault browser", realm.getString("browserFlow"));
        assertTrue(realm.getJsonArray("authenticationFlows").toString().contains("conditional-level-of-authentication"));
        JsonObject portal = realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(c -> "carevault-portal".equals(c.getString("clientId"))).findFirst().orElseThrow();
        assertEquals("mfa", portal.getJsonObject("attributes").getString("default.acr.values"));
        for (JsonObject user : realm.getJsonArray("users").getValuesAs(JsonObject.class)) {
            if (user.containsKey("serviceAccountClientId")) {
                continue;
            }
            assertTrue(user.getJsonArray("realmRoles").toString().contains("default-roles-carevault"), user.getString("username"));
            boolean patient = user.getJsonArray("realmRoles").toString().contains("\"patient\"");
            String otp = user.getJsonArray("credentials").getValuesAs(JsonObject.class).stream()
                    .filter(c -> "otp".equals(c.getString("type"))).map(c -> c.getString("secretData")).findFirst().orElse(null);
            assertEquals(patient, otp != null, user.getString("username") + ": a TOTP for patients only");
            if (patient) {
                assertTrue(otp.contains(secrets.getProperty("keycloak.totp." + user.getString("username"))));
            }
        }
        String printed = Files.readString(dir.resolve("demo-credentials.txt"));
        assertTrue(printed.contains(DemoSetup.base32(secrets.getProperty("keycloak.totp.patient.devos")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))), "the demo patient's key, for an authenticator app");

        Properties server = load(dir.resolve("wildfly.properties"));
        assertEquals("http://localhost:18180/realms/carevault", server.getProperty("carevault.oidc.provider-url"));
        assertNotEquals(secrets.getProperty("db.password"), secrets.getProperty("pki.hub-password"));
    }

    /** The production template allows no password grant, has no people, requires TLS and locks out guessing. */
    @Test
    void theProductionRealmHasNoPasswordGrantNoUsersAndGeneratedSecrets(@TempDir Path dir) throws Exception {
        ProductionRealm.main(new String[] {"--out", dir.toString(), "--hub-url", "https://hub.example",
                "--hospital", "hospital-a:71099812:AZ A", "--hospital", "hospital-b:71234567:AZ B"});
        JsonObject realm = Json.createReader(new StringReader(Files.readString(dir.resolve("carevault-realm.json")))).readObject();
        assertEquals("all", realm.getString("sslRequired"));
        assertTrue(realm.getBoolean("bruteForceProtected"));
        assertEquals(300, realm.getInt("accessTokenLifespan"));
        Properties secrets = load(dir.resolve("carevault-client-secrets.properties"));
        assertFalse(Files.getPosixFilePermissions(dir.resolve("carevault-client-secrets.properties"))
                .contains(PosixFilePermission.OTHERS_READ));
        assertNotEquals(secrets.getProperty("hospital-a"), secrets.getProperty("hospital-b"));
        assertTrue(secrets.getProperty("hospital-a").length() >= 43, "256-bit secrets");
        List<String> ids = new ArrayList<>();
        for (JsonObject client : realm.getJsonArray("clients").getValuesAs(JsonObject.class)) {
            ids.add(client.getString("clientId"));
            assertFalse(client.getBoolean("directAccessGrantsEnabled", false), client.getString("clientId") + ": no password grant");
            if (client.getString("clientId").startsWith("hospital-")) {
                assertFalse(client.getBoolean("publicClient"));
                assertEquals(secrets.getProperty(client.getString("clientId")), client.getString("secret"));
            }
        }
        assertEquals(List.of("carevault-api", "carevault-portal", "hospital-a", "hospital-b"), ids);
        JsonObject portal = realm.getJsonArray("clients").getJsonObject(1);
        assertEquals("S256", portal.getJsonObject("attributes").getString("pkce.code.challenge.method"));
        assertTrue(portal.getJsonArray("redirectUris").toString().contains("https://hub.example/portal/*"));
        for (JsonObject user : realm.getJsonArray("users").getValuesAs(JsonObject.class)) {
            assertTrue(user.getString("username").startsWith("service-account-hospital-"), "no people: " + user);
            assertFalse(user.containsKey("credentials"));
        }
        assertTrue(realm.getJsonArray("clients").toString().contains("71234567"), "each hospital's NIHII in its tokens");
        assertEquals("direct grant", realm.getString("directGrantFlow"), "Keycloak's own: OTP for users who have one");
        assertEquals("carevault browser", realm.getString("browserFlow"), "patients log in with a second factor");
        assertEquals("mfa", portal.getJsonObject("attributes").getString("default.acr.values"));
    }

    /** RFC 4648's base32 test vectors (without padding, as authenticator apps take keys). */
    @Test
    void base32AsInRfc4648() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"},
            {"foobar", "MZXW6YTBOI"}};
        for (String[] vector : vectors) {
            assertEquals(vector[1], DemoSetup.base32(vector[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII)), vector[0]);
        }
    }

    private static void run(Path dir) throws Exception {
        DemoSetup.main(new String[] {"--run-dir", dir.toString(), "--import-dir", dir.resolve("import").toString(),
                "--keycloak-url", "http://localhost:18180", "--hub-url", "http://localhost:18080",
                "--hub-tls-url", "https://localhost:18443", "--test"});
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
