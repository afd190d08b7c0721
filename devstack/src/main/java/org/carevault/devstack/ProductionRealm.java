package org.carevault.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Writes the realm an operator imports into a production Keycloak ({@link RealmWriter#production}) and, beside it,
 * the hospitals' generated client secrets (mode 600), to hand to each hospital over a channel of its own.
 *
 * <pre>
 * ProductionRealm --out DIR --hub-url https://hub.example [--realm carevault] --hospital CLIENT_ID:NIHII:NAME ...
 * </pre>
 */
public final class ProductionRealm {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ProductionRealm() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        String hubUrl = null;
        String realm = "carevault";
        List<RealmWriter.Hospital> hospitals = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--hub-url" -> hubUrl = args[i + 1];
                case "--realm" -> realm = args[i + 1];
                case "--hospital" -> hospitals.add(hospital(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null || hubUrl == null || args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: --out DIR --hub-url URL [--realm NAME] [--hospital ID:NIHII:NAME]...");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(realm + "-realm.json"), new RealmWriter(hubUrl, hubUrl).production(realm, hospitals));
        Properties secrets = new Properties();
        hospitals.forEach(hospital -> secrets.setProperty(hospital.clientId(), hospital.secret()));
        Secrets.writePrivate(out.resolve(realm + "-client-secrets.properties"), secrets, "Client secrets of " + realm);
        System.out.printf("wrote %s and %s (%d hospital clients)%n", out.resolve(realm + "-realm.json"),
                out.resolve(realm + "-client-secrets.properties"), hospitals.size());
    }

    static RealmWriter.Hospital hospital(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3 || !parts[1].matches("\\d{8}")) {
            throw new IllegalArgumentException("a hospital is CLIENT_ID:NIHII(8 digits):NAME, not " + spec);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new RealmWriter.Hospital(parts[0], parts[1], parts[2], Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
}
