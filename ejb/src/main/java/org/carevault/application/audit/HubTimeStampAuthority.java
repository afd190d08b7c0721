package org.carevault.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.carevault.crypto.pki.Pem;
import org.carevault.crypto.pki.Pkcs12;
import org.carevault.crypto.timestamp.TimeStampAuthority;
import org.carevault.crypto.timestamp.TimeStamps;
import org.jboss.logging.Logger;

/**
 * The hub's RFC 3161 time-stamp authority, from the key store named by {@code carevault.tsa.keystore}
 * (password {@code carevault.tsa.password}), and the anchors its tokens are checked against
 * ({@code carevault.tsa.trust}, PEM). Without a key store, nothing is time-stamped and that is logged.
 */
@Singleton
@Lock(LockType.READ)
public class HubTimeStampAuthority {

    private static final Logger LOG = Logger.getLogger(HubTimeStampAuthority.class);

    private TimeStampAuthority authority;
    private List<X509Certificate> trust = List.of();

    @PostConstruct
    void load() {
        String keystore = System.getProperty("carevault.tsa.keystore");
        if (keystore == null || !Files.exists(Path.of(keystore))) {
            LOG.warn("CV-AUDIT-002 no time-stamp authority key store configured: audit anchors are not made");
            return;
        }
        authority = new TimeStampAuthority(Pkcs12.readCredential(Path.of(keystore),
                System.getProperty("carevault.tsa.password", "").toCharArray()));
        String trustFile = System.getProperty("carevault.tsa.trust");
        try {
            trust = trustFile == null ? List.of() : List.of(Pem.read(Path.of(trustFile)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the time-stamp trust anchor", e);
        }
    }

    public Optional<TimeStampAuthority> authority() {
        return Optional.ofNullable(authority);
    }

    /** A time-stamp token over the data from the hub's own authority; none without one. */
    public Optional<byte[]> stamp(byte[] data) {
        return authority().map(tsa -> {
            byte[] request = TimeStamps.request(data);
            return TimeStamps.tokenOf(request, tsa.respond(request));
        });
    }

    public List<X509Certificate> trustAnchors() {
        return trust;
    }
}
