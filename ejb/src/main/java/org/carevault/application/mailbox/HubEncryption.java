package org.carevault.application.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.carevault.application.access.NoPatientData;
import org.carevault.crypto.etk.EncryptionToken;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pkcs12;
import org.carevault.crypto.seal.SealException;
import org.carevault.crypto.seal.Unsealer;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;

/**
 * The hub's own encryption identity, for what software seals <em>to the hub</em> (IntraHub's {@code Base64EncryptedData}:
 * the KMEHR a hub must read to store it): the hub's encryption key ({@code carevault.hub.encryption-keystore}, default
 * {@code <pki.dir>/hub-encryption.p12}), and its token — that key's certificate signed with the hub's own key
 * ({@code <pki.dir>/hub.p12}, same subject) — which the key directory publishes under the hub's identifier
 * ({@code carevault.hub.identifier}, default {@code CBE:0000000196:CAREVAULT}: type, value, application). Without the
 * key store the hub publishes no token and refuses sealed input ({@code CV-REQ-009}).
 */
@Singleton
public class HubEncryption {

    /** The hub's identifier in the key directory, as eHealth names hubs: type, value, application. */
    public record Identifier(String type, String value, String application) {
    }

    /** What a seal held, with the certificate of whoever sealed it. */
    public record Opened(byte[] content, CertificateIdentity sender) {
    }

    @EJB
    private EtkDirectory etks;

    private Credential encryption;
    private byte[] token;
    private Identifier identifier;

    @PostConstruct
    void load() {
        String[] id = System.getProperty("carevault.hub.identifier", "CBE:0000000196:CAREVAULT").split(":", 3);
        identifier = new Identifier(id[0], id.length > 1 ? id[1] : "", id.length > 2 ? id[2] : "");
        String dir = System.getProperty("carevault.pki.dir", ".");
        Path keystore = Path.of(System.getProperty("carevault.hub.encryption-keystore", dir + "/hub-encryption.p12"));
        Path signer = Path.of(System.getProperty("carevault.hub.keystore", dir + "/hub.p12"));
        String password = System.getProperty("carevault.hub.encryption-password", System.getProperty("carevault.pki.hub-password", ""));
        if (!Files.exists(keystore) || !Files.exists(signer)) {
            return;
        }
        encryption = Pkcs12.readCredential(keystore, password.toCharArray());
        Credential authentication = Pkcs12.readCredential(signer, System.getProperty("carevault.pki.hub-password", "").toCharArray());
        token = EncryptionToken.createForService(authentication, encryption.certificate());
    }

    /** The hub's identifier in the key directory. */
    @NoPatientData("the hub's own identifier")
    public Identifier identifier() {
        return identifier;
    }

    /** The hub's encryption token (public), when the hub has an encryption key. */
    @NoPatientData("the hub's own encryption token: a public key and its certificate")
    public Optional<byte[]> token() {
        return Optional.ofNullable(token).map(byte[]::clone);
    }

    /**
     * Opens a seal addressed to the hub, made by the caller: {@code CV-MAIL-005} when it is not a seal the hub can
     * open (not to the hub, altered, a sender not chaining to the care CA), {@code CV-MAIL-004} when another than the
     * caller sealed it. The content goes back to the adapter that received it, which stores it only through the
     * services' decisions like inline content.
     */
    @NoPatientData("opens the transport seal of a request for the adapter that received it; the content then goes through"
            + " the decision like inline content")
    public Opened open(Caller caller, byte[] sealed) {
        if (encryption == null) {
            throw new CareVaultException(ErrorCode.OPERATION_NOT_SUPPORTED, "This hub has no encryption key: send content inline");
        }
        Unsealer.Unsealed opened;
        try {
            opened = Unsealer.unseal(sealed, encryption.privateKey(), encryption.certificate(), etks.trust(), Instant.now());
        } catch (SealException | IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.SEALED_CONTENT_INVALID);
        }
        CertificateIdentity sender = CertificateIdentity.parse(opened.sender().getSubjectX500Principal())
                .orElseThrow(() -> new CareVaultException(ErrorCode.SENDER_MISMATCH));
        if (!BoxOwner.of(caller).isNamedBy(sender)) {
            throw new CareVaultException(ErrorCode.SENDER_MISMATCH);
        }
        return new Opened(opened.content(), sender);
    }
}
