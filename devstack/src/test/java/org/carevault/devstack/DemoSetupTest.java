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
