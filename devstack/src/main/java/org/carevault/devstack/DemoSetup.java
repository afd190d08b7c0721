package org.carevault.devstack;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Prepares a run directory for the hub: secrets, demo PKI, the Keycloak realm to import and the
 * WildFly properties file. Idempotent: a second run keeps the keys, secrets and database, and
 * rewrites only what is derived (realm, properties, credentials summary).
 *
 * <pre>
 * DemoSetup --run-dir DIR --import-dir DIR --keycloak-url URL --hub-url URL --hub-tls-url URL [--test]
 * </pre>
 */
public final class DemoSetup {

    private DemoSetup() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path runDir = Path.of(require(options, "run-dir")).toAbsolutePath();
        Path importDir = Path.of(require(options, "import-dir")).toAbsolutePath();
        String keycloakUrl = require(options, "keycloak-url");
        String hubUrl = require(options, "hub-url");
        String hubTlsUrl = require(options, "hub-tls-url");
        boolean test = options.containsKey("test");

        Secrets secrets = new Secrets(runDir.resolve("secrets.properties"));
        Path pkiDir = runDir.resolve("pki");
        new DemoPki(pkiDir, secrets).ensure("localhost", "127.0.0.1");

        RealmWriter realms = new RealmWriter(hubUrl, hubTlsUrl);
        Files.createDirectories(importDir);
        String hospitalSecret = secrets.get("keycloak.hospital-az-secret");
        String adminPassword = secrets.get("keycloak.admin-password");
        Files.writeString(importDir.resolve("carevault-realm.json"),
                realms.realm("carevault", hospitalSecret, adminPassword, test));
        if (test) {
            // An identical realm under another name: its tokens must never be accepted by the hub.
            Files.writeString(importDir.resolve("other-realm.json"),
                    realms.realm("other", secrets.get("keycloak.other-secret"), adminPassword, true));
        }

        Properties server = new Properties();
        server.setProperty("carevault.data.dir", runDir.resolve("data").toString());
        server.setProperty("carevault.db.url", "jdbc:h2:file:" + runDir.resolve("data/db/carevault") + ";DB_CLOSE_ON_EXIT=FALSE");
        server.setProperty("carevault.db.user", "carevault");
        server.setProperty("carevault.db.password", secrets.get("db.password"));
        server.setProperty("carevault.pki.dir", pkiDir.toString());
        server.setProperty("carevault.pki.hub-password", secrets.get("pki.hub-password"));
        server.setProperty("carevault.pki.truststore-password", secrets.get("pki.truststore-password"));
        server.setProperty("carevault.oidc.provider-url", keycloakUrl + "/realms/carevault");
        writePrivate(runDir.resolve("wildfly.properties"), server);

        secrets.get("keycloak.bootstrap-admin-password");
        secrets.save();
        Files.writeString(runDir.resolve("demo-credentials.txt"), credentials(runDir, pkiDir, secrets, keycloakUrl, hubUrl));
    }

    private static String credentials(Path runDir, Path pkiDir, Secrets secrets, String keycloakUrl, String hubUrl) {
        StringBuilder text = new StringBuilder();
        text.append("Demo users (realm carevault), password 'demo':\n");
        for (DemoIdentity person : DemoIdentity.PEOPLE) {
            if (!"admin".equals(person.role())) {
                text.append(String.format("  %-15s %-10s SSIN %s%n", person.username(), person.role(), person.ssin()));
            }
        }
        text.append(String.format("Operator: admin / %s (realm carevault, role admin)%n", secrets.get("keycloak.admin-password")));
        text.append(String.format("Hospital client: hospital-az / secret %s (client credentials, NIHII %s)%n",
                secrets.get("keycloak.hospital-az-secret"), DemoIdentity.HOSPITAL_NIHII));
        text.append(String.format("Keycloak console: %s/admin  (admin / %s)%n", keycloakUrl,
                secrets.get("keycloak.bootstrap-admin-password")));
        text.append(String.format("Demo PKI: %s%n", pkiDir));
        text.append(String.format("  <user>.p12 for gp.peeters, pharm.janssens, nurse.maes, hospital-az: password %s%n",
                secrets.get("pki.demo-password")));
        text.append(String.format("  ca.pem: the demo CA the hub trusts; hub.p12: the hub's TLS/WS-Security key%n"));
        text.append(String.format("All generated secrets: %s%n", runDir.resolve("secrets.properties")));
        text.append(String.format("Token for curl: curl -s -d grant_type=password -d client_id=carevault-cli "
                + "-d username=gp.peeters -d password=demo %s/realms/carevault/protocol/openid-connect/token%n", keycloakUrl));
        text.append(String.format("Then:          curl -H \"Authorization: Bearer $TOKEN\" %s/api/v1/me%n", hubUrl));
        return text.toString();
    }

    private static void writePrivate(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "Generated by DemoSetup: WildFly system properties (-P)");
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "true");
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
