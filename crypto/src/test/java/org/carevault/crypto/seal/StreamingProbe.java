package org.carevault.crypto.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;

/**
 * Run in a JVM whose heap is smaller than the content: seals a generated stream of the given size
 * to a file and unseals it again, printing the SHA-256 of what went in and of what came out.
 */
public final class StreamingProbe {

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        Path sealed = Path.of(args[1]);
        CertificateAuthority ca = CertificateAuthority.createRoot(new X500Principal("CN=Probe CA"), Duration.ofDays(1));
        Credential sender = ca.issue(new X500Principal("CN=sender"), Duration.ofDays(1), CertificateAuthority.Usage.PARTY);
        Credential reader = ca.issue(new X500Principal("CN=reader"), Duration.ofDays(1), CertificateAuthority.Usage.PARTY,
                CertificateAuthority.KeyType.EC_P256);

        MessageDigest in = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(sealed)) {
            Sealer.seal(new GeneratedStream(size, in), out, sender, List.of(reader.certificate()));
        }
        MessageDigest out = MessageDigest.getInstance("SHA-256");
        try (InputStream from = Files.newInputStream(sealed);
                OutputStream to = new DigestOutputStream(OutputStream.nullOutputStream(), out)) {
            Unsealer.unseal(from, to, reader.privateKey(), reader.certificate(), List.of(ca.certificate()), Instant.now(),
                    List.of());
        }
        System.out.println("in=" + HexFormat.of().formatHex(in.digest()));
        System.out.println("out=" + HexFormat.of().formatHex(out.digest()));
        System.out.println("sealed=" + Files.size(sealed));
        System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
    }

    /** Pseudo-random bytes made on demand and digested as they are handed out. */
    private static final class GeneratedStream extends InputStream {
        private final Random random = new Random(7);
        private final MessageDigest digest;
        private long remaining;

        GeneratedStream(long size, MessageDigest digest) {
            this.remaining = size;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            byte[] piece = new byte[n];
            random.nextBytes(piece);
            System.arraycopy(piece, 0, buffer, offset, n);
            digest.update(piece);
            remaining -= n;
            return n;
        }
    }
}
