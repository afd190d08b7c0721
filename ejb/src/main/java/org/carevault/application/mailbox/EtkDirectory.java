package org.carevault.application.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carevault.application.access.NoPatientData;
import org.carevault.crypto.Sha256;
import org.carevault.crypto.etk.EncryptionToken;
import org.carevault.crypto.pki.Pem;
import org.carevault.crypto.seal.SealException;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;

/**
 * The key directory (the eHealth ETK depot): professionals and organisations publish encryption
 * tokens signed with their authentication key; the hub accepts a token only when its signature, its
 * certificates (chaining to the care CA named by {@code carevault.etk.trust}) and its owner check out
 * and the owner is the caller; senders look tokens up by box (GetEtk). An owner may publish several
 * over time; a revoked or expired token is no longer handed out.
 */
@Stateless
public class EtkDirectory {

    /** A token as handed out. */
    public record Published(UUID id, BoxOwner owner, byte[] token, Instant notAfter, Instant publishedAt) {
        static Published of(Etk etk) {
            return new Published(etk.id(), etk.owner(), etk.token(), etk.notAfter(), etk.publishedAt());
        }
    }

    @PersistenceContext(unitName = "carevault")
    private EntityManager em;

    @Inject
    private MailboxRepository repository;

    private List<X509Certificate> trust;

    @PostConstruct
    void loadTrust() {
        trust = trustAnchors();
    }

    /** The care CA that party certificates (tokens, sealed messages) must chain to, read once at start. */
    @NoPatientData("the care CA's certificates, public")
    public List<X509Certificate> trust() {
        return trust;
    }

    private static List<X509Certificate> trustAnchors() {
        String file = System.getProperty("carevault.etk.trust");
        if (file == null || !Files.exists(Path.of(file))) {
            return List.of();
        }
        try {
            return List.of(Pem.read(Path.of(file)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the care CA certificate", e);
        }
    }

    /** Publishes the caller's token (idempotent for the same encryption certificate). */
    @NoPatientData("a professional's own encryption token: a public key and its certificate")
    public Published publish(Caller caller, byte[] token) {
        BoxOwner owner = BoxOwner.of(caller);
        Instant now = Instant.now();
        EncryptionToken.Verified verified;
        try {
            verified = EncryptionToken.verify(token, trust, now);
        } catch (SealException | IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.TOKEN_INVALID);
        }
        if (!owner.isNamedBy(verified.owner())) {
            throw new CareVaultException(ErrorCode.TOKEN_INVALID, "The token names another owner than the caller");
        }
        String fingerprint = fingerprint(verified.encryptionCertificate());
        List<Etk> same = repository.etksWithFingerprint(fingerprint);
        if (!same.isEmpty()) {
            if (!same.get(0).owner().equals(owner)) {
                throw new CareVaultException(ErrorCode.TOKEN_INVALID, "The token is published for another box");
            }
            return Published.of(same.get(0));
        }
        Etk etk = new Etk(owner, token, fingerprint, verified.encryptionCertificate().getNotAfter().toInstant(), now);
        em.persist(etk);
        return Published.of(etk);
    }

    /** GetEtk: the box's tokens that can be used now, newest first. */
    @NoPatientData("the public encryption tokens of a box, what any sender needs")
    public List<Published> lookup(BoxOwner owner) {
        Instant now = Instant.now();
        return ofOwner(owner).stream().filter(etk -> etk.usableAt(now)).map(Published::of).toList();
    }

    /** Whether the hub knows the box at all (it has ever published a token). */
    @NoPatientData("whether a box has an encryption token")
    public boolean known(BoxOwner owner) {
        return !ofOwner(owner).isEmpty();
    }

    /** The owner withdraws one of their tokens (messages already sealed for it stay readable by them). */
    @NoPatientData("a professional's own encryption token")
    public void revoke(Caller caller, UUID id) {
        Etk etk = em.find(Etk.class, id);
        if (etk == null || !etk.owner().equals(BoxOwner.of(caller))) {
            throw new CareVaultException(ErrorCode.NOT_FOUND);
        }
        if (etk.revokedAt().isEmpty()) {
            etk.revoke(Instant.now());
        }
    }

    private List<Etk> ofOwner(BoxOwner owner) {
        return repository.etks(owner);
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return Sha256.hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
