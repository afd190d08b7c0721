package org.carevault.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pem;
import org.carevault.crypto.pki.Pkcs12;

/**
 * The demo PKI, created once per run directory: a hub CA, the hub's own certificate (TLS and
 * WS-Security), the trust store the hub verifies signatures with, and one PKCS#12 per demo
 * professional and for the demo hospital, whose subjects carry their care identity.
 */
final class DemoPki {

    static final String ORGANISATION = "CareVault Demo";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(825);

    private final Path dir;
    private final char[] hubPassword;
    private final char[] truststorePassword;
    private final char[] userPassword;

    DemoPki(Path dir, Secrets secrets) {
        this.dir = dir;
        this.hubPassword = secrets.get("pki.hub-password").toCharArray();
        this.truststorePassword = secrets.get("pki.truststore-password").toCharArray();
        this.userPassword = secrets.get("pki.demo-password").toCharArray();
    }

    /** Creates what is missing; existing keys are kept. */
    void ensure(String... hubHostNames) throws IOException {
        CertificateAuthority ca = ensureCa();
        if (!Files.exists(dir.resolve("hub.p12"))) {
            Credential hub = ca.issue(new X500Principal("CN=CareVault Hub, O=" + ORGANISATION + ", C=BE"), LEAF_VALIDITY,
                    CertificateAuthority.Usage.SERVER, hubHostNames);
            Pkcs12.writeCredential(dir.resolve("hub.p12"), "hub", hub, hubPassword);
        }
        Pkcs12.writeTrustStore(dir.resolve("truststore.p12"), Map.of("carevault-ca", ca.certificate()), truststorePassword);
        Pem.write(dir.resolve("ca.pem"), ca.certificate());
        for (DemoIdentity person : DemoIdentity.PEOPLE) {
            if (person.hasCertificate()) {
                CertificateIdentity identity = CertificateIdentity.person(Ssin.of(person.ssin()), Nihii.of(person.nihii()),
                        person.quality(), person.displayName());
                issueIfMissing(ca, person.username(), identity);
            }
        }
        issueIfMissing(ca, DemoIdentity.HOSPITAL_CLIENT, CertificateIdentity.organisation(
                Nihii.of(DemoIdentity.HOSPITAL_NIHII), "HOSPITAL", DemoIdentity.HOSPITAL_NAME));
    }

    private CertificateAuthority ensureCa() {
        Path file = dir.resolve("ca.p12");
        if (Files.exists(file)) {
            return CertificateAuthority.of(Pkcs12.readCredential(file, hubPassword));
        }
        CertificateAuthority ca = CertificateAuthority.createRoot(
                new X500Principal("CN=CareVault Demo CA, O=" + ORGANISATION + ", C=BE"), CA_VALIDITY);
        Pkcs12.writeCredential(file, "carevault-ca", ca.credential(), hubPassword);
        return ca;
    }

    private void issueIfMissing(CertificateAuthority ca, String name, CertificateIdentity identity) {
        Path file = dir.resolve(name + ".p12");
        if (!Files.exists(file)) {
            Credential credential = ca.issue(identity.toSubject(ORGANISATION), LEAF_VALIDITY, CertificateAuthority.Usage.PARTY);
            Pkcs12.writeCredential(file, name, credential, userPassword);
        }
    }
}
