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
