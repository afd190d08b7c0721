package org.carevault.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import org.carevault.crypto.pki.Pem;
import org.carevault.crypto.pki.Pkcs12;
import org.carevault.crypto.tool.CryptoTool;

/**
 * The demo PKI, created once per run directory: a hub CA, the hub's own certificate (TLS and
 * WS-Security), the trust store the hub verifies signatures with, and one PKCS#12 per demo
 * professional and for the demo hospital, whose subjects carry their care identity.
 */
final class DemoPki {

    static final String ORGANISATION = "CareVault Demo";
    private static final String LEAF_DAYS = "825";

    private final Path dir;
    private final String hubPassword;
    private final String truststorePassword;
    private final String userPassword;

    DemoPki(Path dir, Secrets secrets) {
        this.dir = dir;
        this.hubPassword = secrets.get("pki.hub-password");
        this.truststorePassword = secrets.get("pki.truststore-password");
        this.userPassword = secrets.get("pki.demo-password");
    }

    /**
     * Creates what is missing; existing keys are kept. Everything is made through the crypto
     * module's command line, so the demo is also its worked example (docs/crypto.md).
     */
    void ensure(String... hubHostNames) throws IOException {
        if (!Files.exists(dir.resolve("ca.p12"))) {
            tool("ca", "--out", dir.toString(), "--password", hubPassword, "--alias", "carevault-ca",
                    "--name", "CN=CareVault Demo CA, O=" + ORGANISATION + ", C=BE", "--days", "3650");
        }
        if (!Files.exists(dir.resolve("hub.p12"))) {
            List<String> args = new ArrayList<>(List.of("server", "--ca", file("ca.p12"), "--ca-password", hubPassword,
                    "--out", file("hub.p12"), "--password", hubPassword, "--alias", "hub",
                    "--name", "CN=CareVault Hub, O=" + ORGANISATION + ", C=BE", "--days", LEAF_DAYS));
            for (String host : hubHostNames) {
                args.addAll(List.of("--host", host));
            }
            tool(args.toArray(String[]::new));
        }
        if (!Files.exists(dir.resolve("hub-encryption.p12"))) {
            // What software seals to the hub (IntraHub's Base64EncryptedData) is sealed to this key; its token, signed
            // with hub.p12's key (same subject), is what the key directory publishes as the hub's (HubEncryption).
            tool("server", "--ca", file("ca.p12"), "--ca-password", hubPassword, "--out", file("hub-encryption.p12"),
                    "--password", hubPassword, "--alias", "hub-encryption",
                    "--name", "CN=CareVault Hub, O=" + ORGANISATION + ", C=BE", "--host", "localhost", "--days", LEAF_DAYS);
        }
        if (!Files.exists(dir.resolve("tsa.p12"))) {
            tool("tsa", "--ca", file("ca.p12"), "--ca-password", hubPassword, "--out", file("tsa.p12"),
                    "--password", hubPassword, "--alias", "tsa", "--name", "CN=CareVault Hub TSA, O=" + ORGANISATION + ", C=BE",
                    "--days", LEAF_DAYS);
        }
        if (!Files.exists(dir.resolve("sts.p12"))) {
            // The demo STS's signing key (its assertions are what the hub's eHealth-style services trust).
            tool("server", "--ca", file("ca.p12"), "--ca-password", hubPassword, "--out", file("sts.p12"),
                    "--password", hubPassword, "--alias", "sts", "--name", "CN=CareVault Demo STS, O=" + ORGANISATION + ", C=BE",
                    "--host", "localhost", "--days", LEAF_DAYS);
        }
        if (!Files.exists(dir.resolve("sts.pem"))) {
            // The hub trusts assertions signed by this certificate only (carevault.saml.sts-certificates).
            Pem.write(dir.resolve("sts.pem"), Pkcs12.readCredential(dir.resolve("sts.p12"), hubPassword.toCharArray())
                    .certificate());
        }
        tool("truststore", "--out", file("truststore.p12"), "--password", truststorePassword, "--trust", file("ca.pem"),
                "--alias", "carevault-ca");
        for (DemoIdentity person : DemoIdentity.PEOPLE) {
            if (person.hasCertificate()) {
                String[] identity = {"--ssin", person.ssin(), "--nihii", person.nihii(), "--quality", person.quality(),
                    "--name", person.displayName()};
                issueIfMissing(person.username(), identity);
                issueIfMissing(person.username() + ENCRYPTION_SUFFIX, identity);
            }
        }
        String[] hospital = {"--org-nihii", DemoIdentity.HOSPITAL_NIHII, "--quality", "HOSPITAL", "--name",
            DemoIdentity.HOSPITAL_NAME};
        issueIfMissing(DemoIdentity.HOSPITAL_CLIENT, hospital);
        issueIfMissing(DemoIdentity.HOSPITAL_CLIENT + ENCRYPTION_SUFFIX, hospital);
    }

    /**
     * Each party's second key pair, for encryption only (its public half is what the party publishes as
     * an encryption token, signed with the first): {@code <name>-encryption.p12}, same password.
     */
    public static final String ENCRYPTION_SUFFIX = "-encryption";

    private void issueIfMissing(String name, String... identity) throws IOException {
        if (!Files.exists(dir.resolve(name + ".p12"))) {
            List<String> args = new ArrayList<>(List.of("issue", "--ca", file("ca.p12"), "--ca-password", hubPassword,
                    "--out", file(name + ".p12"), "--password", userPassword, "--alias", name,
                    "--organisation", ORGANISATION, "--days", LEAF_DAYS));
            args.addAll(List.of(identity));
            tool(args.toArray(String[]::new));
        }
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    /** Runs the command line in this JVM; it prints identities, which stay out of the run's output. */
    private static void tool(String... args) throws IOException {
        try {
            new CryptoTool(new PrintStream(OutputStream.nullOutputStream())).run(args);
        } catch (CertificateException e) {
            throw new IOException("the demo PKI cannot be created", e);
        }
    }
}
