package org.carevault.it;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the stack under test runs, read from the system properties failsafe sets. */
final class Stack {

    static final String HUB = System.getProperty("carevault.it.hub-url", "http://localhost:8380");
    /** The hub's HTTPS listener: the HTTP port's offset from 8080, applied to 8443. */
    static final String HUB_TLS = System.getProperty("carevault.it.hub-tls-url",
            "https://localhost:" + (URI.create(HUB).getPort() - 8080 + 8443));
    static final String KEYCLOAK = System.getProperty("carevault.it.keycloak-url", "http://localhost:8480");
    static final Path RUN_DIR = Path.of(System.getProperty("carevault.it.run-dir", "../run/it"));
    static final Path PKI = RUN_DIR.resolve("pki");

    private static Properties secrets;

    private Stack() {
    }

    /** A secret the stack generated at its start (DemoSetup). */
    static synchronized String secret(String name) {
        if (secrets == null) {
            secrets = new Properties();
            try (Reader in = Files.newBufferedReader(RUN_DIR.resolve("secrets.properties"))) {
                secrets.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secrets.getProperty(name);
    }

    /** A property of the hub's server configuration as the stack wrote it (wildfly.properties). */
    static String serverProperty(String name) {
        Properties server = new Properties();
        try (Reader in = Files.newBufferedReader(RUN_DIR.resolve("wildfly.properties"))) {
            server.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server.getProperty(name);
    }

    static String tokenEndpoint(String realm) {
        return KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token";
    }
}
