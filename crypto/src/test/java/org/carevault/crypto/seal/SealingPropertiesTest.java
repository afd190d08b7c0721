package org.carevault.crypto.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A property over random contents and random recipient sets drawn from a pool of RSA and EC
 * parties: every chosen recipient (and the sender) reads exactly the content; nobody else can.
 * Each case is a seed, so a failure names the seed that reproduces it.
 */
class SealingPropertiesTest {

    private static CertificateAuthority ca;
    private static List<Credential> pool;

    @BeforeAll
    static void parties() {
        ca = CertificateAuthority.createRoot(new X500Principal("CN=Property CA"), Duration.ofDays(2));
        pool = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.add(ca.issue(new X500Principal("CN=party-" + i), Duration.ofDays(1), CertificateAuthority.Usage.PARTY,
                    i % 2 == 0 ? CertificateAuthority.KeyType.RSA : CertificateAuthority.KeyType.EC_P256));
        }
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 25).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactlyTheAddresseesAndTheSenderCanRead(long seed) {
        Random random = new Random(seed);
        byte[] content = new byte[random.nextInt(4097)];
        random.nextBytes(content);
        int sender = random.nextInt(pool.size());
        TreeSet<Integer> recipients = new TreeSet<>();
        int count = 1 + random.nextInt(4);
        while (recipients.size() < count) {
            recipients.add(random.nextInt(pool.size()));
        }
        List<X509Certificate> to = recipients.stream().map(i -> pool.get(i).certificate()).toList();
        byte[] sealed = Sealer.seal(content, pool.get(sender), to);

        for (int i = 0; i < pool.size(); i++) {
            Credential reader = pool.get(i);
            if (i == sender || recipients.contains(i)) {
                Unsealer.Unsealed opened = Unsealer.unseal(sealed, reader.privateKey(), reader.certificate(),
                        List.of(ca.certificate()), Instant.now());
                assertArrayEquals(content, opened.content());
                assertEquals(pool.get(sender).certificate(), opened.sender());
            } else {
                assertEquals(SealException.Reason.NOT_A_RECIPIENT, assertThrows(SealException.class,
                        () -> Unsealer.unseal(sealed, reader.privateKey(), reader.certificate(), List.of(ca.certificate()),
                                Instant.now())).reason());
            }
        }
    }
}
