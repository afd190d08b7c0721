package org.carevault.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.carevault.client.Letter;
import org.carevault.client.MailboxClient;
import org.carevault.client.MailboxClient.Box;
import org.carevault.crypto.identity.CertificateIdentity;
import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.seal.Sealer;
import org.carevault.crypto.seal.Unsealer;

/**
 * The mailbox benchmark (run by {@code bin/bench-mailbox}, not a test): send + fetch of 10 KB and 1 MB letters
 * to 1 and 10 recipients through the running test stack over SOAP, with the client library, one message
 * at a time. Each step is timed apart: sealing on the client, the send request (signed, sent, checked and
 * stored by the hub), each recipient's fetch request, and unsealing on the client; the hub's share is the
 * requests' time over the whole. Recipients are physicians certified by the demo CA for this run.
 * Arguments: messages per case for 10 KB (default 100); 1 MB cases run a tenth of that.
 */
public final class MailLoad {

    private MailLoad() {
    }

    /** Times of one case, in nanoseconds summed over its messages. */
    private static final class Times {
        long seal;
        long send;
        long fetch;
        long unseal;
        int messages;

        long total() {
            return seal + send + fetch + unseal;
        }
    }

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        MailboxApi.Party gpParty = MailboxApi.GP;
        MailboxClient gp = new MailboxClient(URI.create(Stack.HUB), gpParty.authentication(), gpParty.encryption(),
                MailboxApi.trust());
        gp.publishToken();
        List<Credential> keys = new ArrayList<>();
        List<MailboxClient> recipients = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        CertificateAuthority ca = SoapAuthenticationIT.demoCa();
        for (int i = 0; i < 10; i++) {
            String ssin = ConsentApi.newSsin();
            Credential key = ca.issue(CertificateIdentity.person(Ssin.of(ssin), Nihii.of("10000106004"), "PHYSICIAN",
                    "Bench Recipient " + i).toSubject("CareVault"), Duration.ofDays(2), CertificateAuthority.Usage.PARTY);
            MailboxClient client = new MailboxClient(URI.create(Stack.HUB), key, key, MailboxApi.trust());
            client.publishToken();
            keys.add(key);
            recipients.add(client);
            boxes.add(new Box("SSIN", ssin, "PHYSICIAN"));
        }
        System.out.println("10 recipients certified and their tokens published; warming up");
        run(gp, recipients, keys, boxes, 10 * 1024, 1, Math.max(20, small / 2), false);
        System.out.printf("%-22s %8s %9s %9s %11s %11s %11s %11s %10s%n", "case", "messages", "msg/s", "MB/s",
                "seal ms", "send ms", "fetch ms", "unseal ms", "hub share");
        for (int size : new int[] {10 * 1024, 1024 * 1024}) {
            for (int count : new int[] {1, 10}) {
                run(gp, recipients, keys, boxes, size, count, size > 100_000 ? Math.max(5, small / 10) : small, true);
            }
        }
    }

    private static void run(MailboxClient gp, List<MailboxClient> recipients, List<Credential> keys, List<Box> boxes, int size,
            int count, int messages, boolean report) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Letter letter = new Letter("benchmark", "application/octet-stream", content, List.of());
        Times times = new Times();
        for (int m = 0; m < messages; m++) {
            List<java.security.cert.X509Certificate> certificates = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                certificates.add(keys.get(r).certificate());
            }
            long t0 = System.nanoTime();
            byte[] sealed = Sealer.seal(letter.encode(), MailboxApi.GP.authentication(), certificates);
            long t1 = System.nanoTime();
            String id = gp.sendSealed("bench-" + UUID.randomUUID(), sealed, boxes.subList(0, count),
                    MailboxClient.Options.NONE).messageId();
            long t2 = System.nanoTime();
            times.seal += t1 - t0;
            times.send += t2 - t1;
            for (int r = 0; r < count; r++) {
                long f0 = System.nanoTime();
                byte[] fetched = recipients.get(r).fetchSealed(id);
                long f1 = System.nanoTime();
                Unsealer.unseal(fetched, keys.get(r).privateKey(), keys.get(r).certificate(), MailboxApi.trust(),
                        java.time.Instant.now());
                long f2 = System.nanoTime();
                times.fetch += f1 - f0;
                times.unseal += f2 - f1;
                recipients.get(r).delete(List.of(id));
                recipients.get(r).delete(List.of(id));
            }
            gp.delete(List.of(id));
            gp.delete(List.of(id));
            times.messages++;
        }
        if (report) {
            double seconds = times.total() / 1e9;
            double perMessage = 1e-6 / times.messages;
            System.out.printf("%-22s %8d %9.1f %9.2f %11.2f %11.2f %11.2f %11.2f %9.0f%%%n",
                    (size >= 1024 * 1024 ? "1 MB" : "10 KB") + " to " + count, times.messages, times.messages / seconds,
                    times.messages * (double) size * count / seconds / 1e6, times.seal * perMessage, times.send * perMessage,
                    times.fetch * perMessage, times.unseal * perMessage, 100.0 * (times.send + times.fetch) / times.total());
        }
    }
}
