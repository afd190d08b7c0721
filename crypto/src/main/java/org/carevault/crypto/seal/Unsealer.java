package org.carevault.crypto.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Opens a message made by {@link Sealer}: verifies the outer signature, decrypts for the recipient,
 * verifies the inner signature, and checks that both are by the same sender whose certificate
 * chains to a trust anchor and was valid (and not revoked) at the given time. Every failure has its
 * own reason. The layers are read as nested streams in 16 KiB pieces, in constant memory.
 */
public final class Unsealer {

    /** The content and the sender whose signatures were verified. */
    public record Unsealed(byte[] content, X509Certificate sender) {
    }

    private Unsealer() {
    }

    public static Unsealed unseal(byte[] sealed, PrivateKey recipientKey, X509Certificate recipientCertificate,
            Collection<X509Certificate> trustAnchors, Instant at) {
        return unseal(sealed, recipientKey, recipientCertificate, trustAnchors, at, List.of());
    }

    /** As above, also refusing a sender whose certificate was revoked at {@code at} by one of the CRLs. */
    public static Unsealed unseal(byte[] sealed, PrivateKey recipientKey, X509Certificate recipientCertificate,
            Collection<X509Certificate> trustAnchors, Instant at, Collection<X509CRL> crls) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(sealed.length);
        X509Certificate sender = unseal(new ByteArrayInputStream(sealed), content, recipientKey, recipientCertificate,
                trustAnchors, at, crls);
        return new Unsealed(content.toByteArray(), sender);
    }

    /**
     * Streams: reads the sealed message to its end and writes the content to {@code content} as it is
     * decrypted, returning the verified sender. The bytes written are <em>not verified</em> until this
     * method returns normally: on a {@link SealException} the caller must discard them
     * ({@link #unseal(Path, Path, PrivateKey, X509Certificate, Collection, Instant, Collection)} does
     * that for files). An I/O failure of either stream is thrown as {@link UncheckedIOException}.
     */
    public static X509Certificate unseal(InputStream sealed, OutputStream content, PrivateKey recipientKey,
            X509Certificate recipientCertificate, Collection<X509Certificate> trustAnchors, Instant at,
            Collection<X509CRL> crls) {
        Chunks.Source source = new Chunks.Source(sealed);
        try {
            Signatures.Signer sender = open(source, content, recipientKey, recipientCertificate);
            Signatures.validatePath(sender.certificate(), sender.chain(), trustAnchors, at, crls);
            return sender.certificate();
        } catch (SealException e) {
            source.rethrowOwnFailure();
            throw e;
        }
    }

    /**
     * Unseals one file into another: the content goes to a temporary file beside the target (readable
     * by its owner only where the file system allows) and is moved into place only once every check
     * passed; on failure nothing is left behind.
     */
    public static X509Certificate unseal(Path sealed, Path target, PrivateKey recipientKey,
            X509Certificate recipientCertificate, Collection<X509Certificate> trustAnchors, Instant at,
            Collection<X509CRL> crls) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(directory, ".unsealing-", ".part");
        try {
            X509Certificate sender;
            try (InputStream in = Files.newInputStream(sealed); OutputStream out = Files.newOutputStream(partial)) {
                sender = unseal(in, out, recipientKey, recipientCertificate, trustAnchors, at, crls);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return sender;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * What the hub can check without being a recipient: the outer signature over the encrypted
     * layer, and that its signer's certificate chains to a trust anchor and was valid (and not
     * revoked) at the given time. Returns the authenticated sender.
     */
    public static X509Certificate authenticate(InputStream sealed, Collection<X509Certificate> trustAnchors, Instant at,
            Collection<X509CRL> crls) {
        Chunks.Source source = new Chunks.Source(sealed);
        try {
            Signatures.Signer sender = SignedReader.open(source).finish();
            Signatures.validatePath(sender.certificate(), sender.chain(), trustAnchors, at, crls);
            return sender.certificate();
        } catch (SealException e) {
            source.rethrowOwnFailure();
            throw e;
        }
    }

    /**
     * Outer layer → encrypted layer → inner layer → content. A failure inside is reported as
     * tampering when the layer around it does not verify either: a changed byte is named for what it
     * is, not for the parse error it happened to cause first.
     */
    private static Signatures.Signer open(InputStream sealed, OutputStream content, PrivateKey key,
            X509Certificate certificate) {
        SignedReader outer = SignedReader.open(sealed);
        Signatures.Signer innerSigner;
        try {
            EnvelopeReader envelope = EnvelopeReader.open(outer.content(), key, certificate);
            try {
                SignedReader inner = SignedReader.open(envelope.plaintext());
                copy(inner.content(), content);
                innerSigner = inner.finish();
            } catch (SealException e) {
                throw whicheverFirst(envelope::finish, e);
            }
            envelope.finish();
        } catch (SealException e) {
            throw whicheverFirst(outer::finish, e);
        }
        Signatures.Signer outerSigner = outer.finish();
        if (!outerSigner.certificate().equals(innerSigner.certificate())) {
            throw new SealException(SealException.Reason.SIGNERS_DIFFER, "inner and outer signers differ", null);
        }
        return innerSigner;
    }

    /** The enclosing layer's own failure if it has one, else the failure found inside it. */
    private static SealException whicheverFirst(Runnable enclosingCheck, SealException inside) {
        if (inside.reason() == SealException.Reason.NOT_A_RECIPIENT) {
            return inside;
        }
        try {
            enclosingCheck.run();
        } catch (SealException enclosing) {
            enclosing.addSuppressed(inside);
            return enclosing;
        }
        return inside;
    }

    private static void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[Chunks.SIZE];
        while (true) {
            int n;
            try {
                n = from.read(buffer);
            } catch (IOException | RuntimeException e) {
                throw new SealException(SealException.Reason.MALFORMED, "the content cannot be read", e);
            }
            if (n < 0) {
                return;
            }
            try {
                to.write(buffer, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
