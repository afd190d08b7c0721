package org.carevault.crypto.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static CertificateAuthority ca;

    @BeforeAll
    static void createCa() {
        ca = CertificateAuthority.createRoot(new X500Principal("CN=Test CA, O=CareVault Test, C=BE"), Duration.ofDays(30));
    }

    @Test
    void issuedCertificatesChainToTheRoot() throws Exception {
        Credential leaf = ca.issue(new X500Principal("CN=SSIN=72081012378, C=BE"), Duration.ofDays(1),
                CertificateAuthority.Usage.PARTY);

        validate(leaf.certificate(), ca.certificate(), new Date());
        assertEquals(2, leaf.chain().size());
        assertEquals("SHA256withRSA", leaf.certificate().getSigAlgName());
        assertEquals(-1, leaf.certificate().getBasicConstraints(), "an end entity is no CA");
    }

    @Test
    void anotherRootDoesNotValidateTheCertificate() {
        CertificateAuthority other = CertificateAuthority.createRoot(new X500Principal("CN=Other CA"), Duration.ofDays(1));
        Credential leaf = other.issue(new X500Principal("CN=intruder"), Duration.ofDays(1),
                CertificateAuthority.Usage.PARTY);

        assertThrows(CertPathValidatorException.class, () -> validate(leaf.certificate(), ca.certificate(), new Date()));
    }

    @Test
    void anExpiredCertificateIsRefusedAtValidationTime() {
        Instant past = Instant.now().minus(Duration.ofDays(10));
        Credential expired = ca.issue(new X500Principal("CN=old"), past, past.plus(Duration.ofDays(1)),
                CertificateAuthority.Usage.PARTY);

        assertThrows(CertPathValidatorException.class, () -> validate(expired.certificate(), ca.certificate(), new Date()));
    }

    @Test
    void serverCertificatesCarryTheirHostNames() throws Exception {
        Credential server = ca.issue(new X500Principal("CN=hub"), Duration.ofDays(1), CertificateAuthority.Usage.SERVER,
                "localhost");
        assertTrue(server.certificate().getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("localhost")));
    }

    @Test
    void aCredentialSurvivesAPkcs12RoundTrip(@TempDir Path dir) {
        Credential leaf = ca.issue(new X500Principal("CN=roundtrip"), Duration.ofDays(1), CertificateAuthority.Usage.PARTY);
        Path file = dir.resolve("leaf.p12");
        Pkcs12.writeCredential(file, "leaf", leaf, "secret".toCharArray());

        Credential read = Pkcs12.readCredential(file, "secret".toCharArray());
        assertEquals(leaf.chain(), read.chain());
        assertArrayEquals(leaf.privateKey().getEncoded(), read.privateKey().getEncoded());
        assertThrows(PkiException.class, () -> Pkcs12.readCredential(file, "wrong".toCharArray()));
    }

    @Test
    void aTrustStoreHoldsOnlyCertificates(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trust.p12");
        Pkcs12.writeTrustStore(file, Map.of("ca", ca.certificate()), "pw".toCharArray());
        var store = Pkcs12.read(file, "pw".toCharArray());
        assertTrue(store.isCertificateEntry("ca"));
        assertEquals(1, store.size());
    }

    private static void validate(X509Certificate leaf, X509Certificate root, Date at) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}
