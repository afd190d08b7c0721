package org.carevault.crypto.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.atrest.DataKeyEscrow;
import org.carevault.crypto.atrest.Pkcs12Custodian;
import org.carevault.crypto.atrest.RecordCipher;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.seal.Sealer;
import org.carevault.crypto.seal.Unsealer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sealing, unsealing and encryption at rest. Run with {@code bin/bench-crypto}; results and their
 * reading in docs/benchmarks.md. Times per operation; throughput follows from the content size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CryptoBenchmark {

    /** A sender, recipients and a sealed message of the given size. */
    @State(Scope.Benchmark)
    public static class Sealing {
        @Param({"1024", "102400", "10485760"})
        public int size;

        @Param({"1", "10"})
        public int recipients;

        /** The key type of the recipient who unseals (the others are RSA). */
        @Param({"RSA", "EC_P256"})
        public CertificateAuthority.KeyType readerKey;

        Credential sender;
        Credential reader;
        List<X509Certificate> to;
        List<X509Certificate> anchors;
        byte[] content;
        byte[] sealed;

        @Setup(Level.Trial)
        public void setUp() {
            CertificateAuthority ca = CertificateAuthority.createRoot(new X500Principal("CN=Bench CA"), Duration.ofDays(1));
            sender = ca.issue(new X500Principal("CN=sender"), Duration.ofDays(1), CertificateAuthority.Usage.PARTY);
            to = new ArrayList<>();
            for (int i = 0; i < recipients; i++) {
                Credential recipient = ca.issue(new X500Principal("CN=r" + i), Duration.ofDays(1), CertificateAuthority.Usage.PARTY,
                        i == 0 ? readerKey : CertificateAuthority.KeyType.RSA);
                reader = reader == null ? recipient : reader;
                to.add(recipient.certificate());
            }
            anchors = List.of(ca.certificate());
            content = new byte[size];
            new Random(1).nextBytes(content);
            sealed = Sealer.seal(content, sender, to);
        }
    }

    /** A patient's data key, escrowed with two custodians, and a 10 KB record. */
    @State(Scope.Benchmark)
    public static class AtRest {
        SecretKey dataKey;
        DataKeyEscrow escrow;
        DataKeyEscrow.EscrowedKey escrowed;
        byte[] context = "patient-ref:bench".getBytes(StandardCharsets.UTF_8);
        byte[] record = new byte[10 * 1024];
        byte[] encrypted;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            dataKey = generator.generateKey();
            new Random(2).nextBytes(record);
            encrypted = RecordCipher.encrypt(dataKey, record, context);
            Path dir = Files.createTempDirectory("bench-custodians");
            escrow = new DataKeyEscrow(Pkcs12Custodian.openOrCreate("a", dir.resolve("a.p12"), "pw".toCharArray()),
                    Pkcs12Custodian.openOrCreate("b", dir.resolve("b.p12"), "pw".toCharArray()));
            escrowed = escrow.create(context).escrowed();
        }
    }

    @Benchmark
    public byte[] seal(Sealing state) {
        return Sealer.seal(state.content, state.sender, state.to);
    }

    @Benchmark
    public byte[] unseal(Sealing state) {
        return Unsealer.unseal(state.sealed, state.reader.privateKey(), state.reader.certificate(), state.anchors,
                Instant.now()).content();
    }

    @Benchmark
    public byte[] recordEncrypt10k(AtRest state) {
        return RecordCipher.encrypt(state.dataKey, state.record, state.context);
    }

    @Benchmark
    public byte[] recordDecrypt10k(AtRest state) {
        return RecordCipher.decrypt(state.dataKey, state.encrypted, state.context);
    }

    /** Recovering a data key from its two shares, the custodians' keys already loaded (cached). */
    @Benchmark
    public SecretKey dataKeyRecover(AtRest state) {
        return state.escrow.recover(state.escrowed, state.context);
    }
}
