package org.carevault.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.carevault.crypto.pdf.SignedPdf;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pkcs12;
import org.jboss.logging.Logger;

/**
 * Signs documents the hub hands out to be shown to third parties (a patient's access log as PDF) with the hub's own
 * key ({@code hub.p12} in {@code carevault.pki.dir}, password {@code carevault.pki.hub-password}: the key the hub
 * signs its SOAP answers with), time-stamped by the hub's time-stamp authority when there is one.
 */
@Singleton
@Lock(LockType.READ)
public class HubDocumentSigner {

    private static final Logger LOG = Logger.getLogger(HubDocumentSigner.class);
    static final String NAME = "CareVault Hub";

    @EJB
    private HubTimeStampAuthority tsa;

    private Credential hub;

    @PostConstruct
    void load() {
        Path keystore = Path.of(System.getProperty("carevault.pki.dir", "."), "hub.p12");
        if (!Files.exists(keystore)) {
            LOG.warn("CV-AUDIT-003 no hub key store: signed documents cannot be made");
            return;
        }
        hub = Pkcs12.readCredential(keystore, System.getProperty("carevault.pki.hub-password", "").toCharArray());
    }

    /** Whether the hub can sign documents (it has its key). */
    public boolean available() {
        return hub != null;
    }

    /** The PDF signed by the hub, with the given reason, time-stamped when the hub has a time-stamp authority. */
    public byte[] signPdf(byte[] pdf, String reason) {
        if (hub == null) {
            throw new IllegalStateException("the hub has no signing key");
        }
        Optional<UnaryOperator<byte[]>> stamper = tsa.authority().map(authority -> value -> tsa.stamp(value).orElseThrow());
        return SignedPdf.sign(pdf, hub, NAME, reason, stamper);
    }
}
