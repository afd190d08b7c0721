package org.carevault.crypto.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.etk.EncryptionToken;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.crypto.pdf.SignedPdf;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pem;
import org.carevault.crypto.pki.Pkcs12;
import org.carevault.crypto.seal.Sealer;
import org.carevault.crypto.seal.Unsealer;

/**
 * The operator's and integrator's command line over the crypto library.
 *
 * <pre>
 * ca         --out DIR --password PW [--name "CN=…"] [--alias A] [--days D]  create a CA (ca.p12, ca.pem)
 * issue      --ca ca.p12 --ca-password PW --out X.p12 --password PW --name "Full Name"
 *            (--ssin S [--nihii N --quality PHYSICIAN] | --org-nihii N --quality HOSPITAL)
 *            [--organisation O] [--ec] [--days D] [--alias A]
 * server     --ca ca.p12 --ca-password PW --out hub.p12 --password PW --name "CN=…" --host H [--host H2 …]
 *            [--alias A] [--days D]                                      a TLS / WS-Security server certificate
 * tsa        --ca ca.p12 --ca-password PW --out tsa.p12 --password PW --name "CN=…" [--alias A] [--days D]
 *                                                                        a time-stamping (RFC 3161) certificate
 * truststore --out T.p12 --password PW --trust ca.pem [--alias A]           a PKCS#12 trust store of one anchor
 * etk     --auth A.p12 --password PW --encryption E.p12 [--encryption-password PW] --out token.etk
 * seal    --sender S.p12 --password PW --to R.pem [--to R2.pem …] --in FILE --out FILE
 * unseal  --key R.p12 --password PW --trust ca.pem --in FILE --out FILE
 * verify-pdf --in FILE.pdf --trust ca.pem                               check a PDF signed by the hub (exit 1 if not)
 * </pre>
 * Passwords may be given as {@code env:NAME} to read them from the environment.
 */
public final class CryptoTool {

    private final PrintStream out;

    /** A tool that reports what it did to {@code out}. */
    public CryptoTool(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            new CryptoTool(System.out).run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException | IOException | CertificateException e) {
            System.err.println("failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs one command; a wrong or missing option is an {@link IllegalArgumentException}. */
    public void run(String... args) throws IOException, CertificateException {
        if (args.length == 0) {
            throw new IllegalArgumentException(
                    "usage: ca | issue | server | tsa | truststore | etk | seal | unseal | verify-pdf (see the class documentation)");
        }
        Options options = Options.parse(args);
        switch (args[0]) {
            case "ca" -> createCa(options);
            case "issue" -> issue(options);
            case "server" -> issueServer(options);
            case "tsa" -> issueTimeStamping(options);
            case "truststore" -> trustStore(options);
            case "etk" -> etk(options);
            case "seal" -> seal(options);
            case "unseal" -> unseal(options);
            case "verify-pdf" -> verifyPdf(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private void createCa(Options options) throws IOException, CertificateException {
        Path dir = Path.of(options.require("out"));
        CertificateAuthority ca = CertificateAuthority.createRoot(
                new X500Principal(options.get("name", "CN=CareVault CA, O=CareVault, C=BE")),
                Duration.ofDays(Long.parseLong(options.get("days", "3650"))));
        Pkcs12.writeCredential(dir.resolve("ca.p12"), options.get("alias", "ca"), ca.credential(), options.password("password"));
        Pem.write(dir.resolve("ca.pem"), ca.certificate());
        out.println("created " + dir.resolve("ca.p12") + " and " + dir.resolve("ca.pem"));
    }

    private void issue(Options options) {
        CertificateAuthority ca = CertificateAuthority.of(
                Pkcs12.readCredential(Path.of(options.require("ca")), options.password("ca-password")));
        String name = options.require("name");
        CertificateIdentity identity;
        if (options.has("org-nihii")) {
            identity = CertificateIdentity.organisation(Nihii.of(options.require("org-nihii")), options.require("quality"), name);
        } else {
            Nihii nihii = options.has("nihii") ? Nihii.of(options.require("nihii")) : null;
            identity = CertificateIdentity.person(Ssin.of(options.require("ssin")), nihii,
                    nihii == null ? "CITIZEN" : options.require("quality"), name);
        }
        CertificateAuthority.KeyType keyType = options.has("ec") ? CertificateAuthority.KeyType.EC_P256
                : CertificateAuthority.KeyType.RSA;
        Credential credential = ca.issue(identity.toSubject(options.get("organisation", "CareVault")),
                Duration.ofDays(Long.parseLong(options.get("days", "825"))), CertificateAuthority.Usage.PARTY, keyType);
        Path file = Path.of(options.require("out"));
        Pkcs12.writeCredential(file, options.get("alias", "key"), credential, options.password("password"));
        out.println("issued " + credential.certificate().getSubjectX500Principal().getName() + " -> " + file);
    }

    private void issueServer(Options options) {
        issueFor(options, CertificateAuthority.Usage.SERVER, "server", options.all("host").toArray(String[]::new));
    }

    private void issueTimeStamping(Options options) {
        issueFor(options, CertificateAuthority.Usage.TIME_STAMPING, "tsa");
    }

    private void issueFor(Options options, CertificateAuthority.Usage usage, String defaultAlias, String... hosts) {
        CertificateAuthority ca = CertificateAuthority.of(
                Pkcs12.readCredential(Path.of(options.require("ca")), options.password("ca-password")));
        Credential credential = ca.issue(new X500Principal(options.require("name")),
                Duration.ofDays(Long.parseLong(options.get("days", "825"))), usage, hosts);
        Path file = Path.of(options.require("out"));
        Pkcs12.writeCredential(file, options.get("alias", defaultAlias), credential, options.password("password"));
        out.println("issued " + usage.name().toLowerCase(Locale.ROOT) + " certificate "
                + credential.certificate().getSubjectX500Principal().getName() + " -> " + file);
    }

    private void trustStore(Options options) throws IOException, CertificateException {
        X509Certificate anchor = Pem.read(Path.of(options.require("trust")));
        Path file = Path.of(options.require("out"));
        Pkcs12.writeTrustStore(file, Map.of(options.get("alias", "ca"), anchor), options.password("password"));
        out.println("trust store with " + anchor.getSubjectX500Principal().getName() + " -> " + file);
    }

    private void etk(Options options) throws IOException {
        Credential authentication = Pkcs12.readCredential(Path.of(options.require("auth")), options.password("password"));
        char[] encryptionPassword = options.has("encryption-password") ? options.password("encryption-password")
                : options.password("password");
        Credential encryption = Pkcs12.readCredential(Path.of(options.require("encryption")), encryptionPassword);
        Path file = Path.of(options.require("out"));
        Files.write(file, EncryptionToken.create(authentication, encryption.certificate()));
        out.println("encryption token -> " + file);
    }

    private void seal(Options options) throws IOException, CertificateException {
        Credential sender = Pkcs12.readCredential(Path.of(options.require("sender")), options.password("password"));
        List<X509Certificate> recipients = new ArrayList<>();
        for (String pem : options.all("to")) {
            recipients.add(Pem.read(Path.of(pem)));
        }
        try (InputStream in = Files.newInputStream(Path.of(options.require("in")));
                OutputStream sealed = Files.newOutputStream(Path.of(options.require("out")))) {
            Sealer.seal(in, sealed, sender, recipients);
        }
        out.println("sealed for " + recipients.size() + " recipient(s) and the sender -> " + options.require("out"));
    }

    private void unseal(Options options) throws IOException, CertificateException {
        Credential reader = Pkcs12.readCredential(Path.of(options.require("key")), options.password("password"));
        X509Certificate sender = Unsealer.unseal(Path.of(options.require("in")), Path.of(options.require("out")),
                reader.privateKey(), reader.certificate(), List.of(Pem.read(Path.of(options.require("trust")))), Instant.now(),
                List.of());
        out.println("from " + sender.getSubjectX500Principal().getName() + " -> " + options.require("out"));
    }

    /** A PDF the hub signed (a patient's access log): signer and time-stamp chain to the trusted CA, whole file covered. */
    private void verifyPdf(Options options) throws IOException {
        List<X509Certificate> trust = List.of(Pem.read(Path.of(options.require("trust"))));
        SignedPdf.Verified verified = SignedPdf.verify(
                Files.readAllBytes(Path.of(options.require("in"))), trust, trust);
        out.println("valid: signed by " + verified.signer().getSubjectX500Principal().getName()
                + verified.timeStamped().map(at -> ", time-stamped " + at).orElse(", not time-stamped")
                + " (" + verified.reason() + "); the whole file is covered");
    }

    /** {@code --name value} pairs; a name may repeat (--to). */
    private static final class Options {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unexpected " + args[i]);
                }
                String name = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                options.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            return options;
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name, String fallback) {
            return has(name) ? values.get(name).get(0) : fallback;
        }

        String require(String name) {
            if (!has(name)) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return values.get(name).get(0);
        }

        List<String> all(String name) {
            if (!has(name)) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return values.get(name);
        }

        char[] password(String name) {
            String value = require(name);
            if (value.startsWith("env:")) {
                String fromEnvironment = System.getenv(value.substring(4));
                if (fromEnvironment == null) {
                    throw new IllegalArgumentException("environment variable " + value.substring(4) + " is not set");
                }
                return fromEnvironment.toCharArray();
            }
            return value.toCharArray();
        }
    }
}
