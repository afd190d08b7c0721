package org.carevault.client;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pem;
import org.carevault.crypto.pki.Pkcs12;

/**
 * The mailbox from a terminal, on {@link MailboxClient}:
 * <pre>
 * MailboxCli --hub URL --key me.p12 --encryption me-encryption.p12 --password PW --trust ca.pem COMMAND
 *   publish                                   publish my encryption token
 *   send --to BOX [--to BOX…] --subject S --body TEXT [--attach FILE…] [--important] [--receipts] [--reply-to ID]
 *   list [--folder INBOX|SENTBOX|BININBOX|BINSENTBOX]
 *   read ID [--save DIR]                      open, verify the sender, print, save the annexes
 *   acks ID                                   receipts of a message I sent, time-stamps verified
 *   info                                      my box: size, quota, unread, waiting
 * </pre>
 * The password may come from the environment variable {@code CAREVAULT_PASSWORD} instead.
 * Exit status: 0, 1 when the hub refused (its code is printed), 2 for a usage error.
 */
public final class MailboxCli {

    private final PrintStream out;

    public MailboxCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new MailboxCli(System.out).run(args));
    }

    /** Runs one command; returns the exit status. */
    public int run(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                boolean flag = name.equals("important") || name.equals("receipts");
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(flag || i + 1 >= args.length ? "true" : args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        try {
            if (words.isEmpty()) {
                throw new IllegalArgumentException("no command");
            }
            MailboxClient client = client(options);
            return switch (words.get(0)) {
                case "publish" -> print("encryption token published: " + client.publishToken());
                case "send" -> send(client, options);
                case "list" -> list(client, one(options, "folder").orElse("INBOX"));
                case "read" -> read(client, argument(words), one(options, "save"));
                case "acks" -> acks(client, argument(words));
                case "info" -> info(client);
                default -> throw new IllegalArgumentException("unknown command " + words.get(0));
            };
        } catch (MailboxException e) {
            out.println("refused: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            out.println("usage: " + e.getMessage() + " (see the class comment of MailboxCli or the README)");
            return 2;
        } catch (IOException e) {
            out.println("cannot read or write a file: " + e.getMessage());
            return 2;
        }
    }

    private MailboxClient client(Map<String, List<String>> options) {
        String password = one(options, "password").orElseGet(() -> Optional.ofNullable(System.getenv("CAREVAULT_PASSWORD"))
                .orElseThrow(() -> new IllegalArgumentException("--password or CAREVAULT_PASSWORD is required")));
        Credential key = Pkcs12.readCredential(Path.of(required(options, "key")), password.toCharArray());
        Credential encryption = Pkcs12.readCredential(Path.of(required(options, "encryption")), password.toCharArray());
        return new MailboxClient(URI.create(one(options, "hub").orElse("http://localhost:8080")), key, encryption,
                List.of(Pem.read(Path.of(required(options, "trust")))));
    }

    private int send(MailboxClient client, Map<String, List<String>> options) throws IOException {
        List<MailboxClient.Box> to = options.getOrDefault("to", List.of()).stream().map(MailboxClient.Box::parse).toList();
        if (to.isEmpty()) {
            throw new IllegalArgumentException("--to is required");
        }
        List<Letter.Annex> annexes = new ArrayList<>();
        for (String file : options.getOrDefault("attach", List.of())) {
            Path path = Path.of(file);
            annexes.add(new Letter.Annex(path.getFileName().toString(),
                    Optional.ofNullable(Files.probeContentType(path)).orElse("application/octet-stream"), Files.readAllBytes(path)));
        }
        Letter letter = Letter.text(required(options, "subject"), required(options, "body"), annexes.toArray(Letter.Annex[]::new));
        boolean receipts = options.containsKey("receipts");
        MailboxClient.Sent sent = client.send("cli-" + UUID.randomUUID(), letter, to,
                new MailboxClient.Options(options.containsKey("important"), receipts, receipts, Optional.empty(),
                        one(options, "reply-to")));
        out.println("sent " + sent.messageId() + " to " + to.size() + " recipient(s)");
        sent.absent().forEach(a -> out.println("  " + a.recipient() + " is away until " + a.until() + "; substitutes: "
                + a.substitutes()));
        return 0;
    }

    private int list(MailboxClient client, String folder) {
        List<MailboxClient.MessageInfo> messages = client.list(folder);
        out.println(messages.size() + " message(s) in " + folder);
        for (MailboxClient.MessageInfo m : messages) {
            out.printf("  %s  %s  from %s  %d bytes%s%s%n", m.id(), m.sentAt(), m.sender(), m.size(),
                    m.important() ? "  important" : "", m.readAt().isPresent() ? "  read" : "");
        }
        return 0;
    }

    private int read(MailboxClient client, String id, Optional<String> save) throws IOException {
        MailboxClient.Received received = client.read(id);
        out.println("From:    " + received.sender().displayName() + " (" + received.info().sender() + "), signature verified");
        out.println("Subject: " + received.letter().subject());
        out.println();
        out.println(received.letter().bodyText());
        for (Letter.Annex annex : received.letter().annexes()) {
            out.println("Annex:   " + annex.title() + " (" + annex.mediaType() + ", " + annex.content().length + " bytes)");
            if (save.isPresent()) {
                Path dir = Files.createDirectories(Path.of(save.get()));
                Path target = dir.resolve(Path.of(annex.title()).getFileName().toString()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new IllegalArgumentException("an annex title is not a file name");
                }
                Files.write(target, annex.content());
                out.println("         saved to " + target);
            }
        }
        return 0;
    }

    private int acks(MailboxClient client, String id) {
        for (MailboxClient.Acknowledgment ack : client.acknowledgments(id)) {
            out.printf("  %-9s %s at %s (time-stamp verified: %s)%n", ack.kind(), ack.recipient(), ack.at(), ack.stampedAt());
        }
        return 0;
    }

    private int info(MailboxClient client) {
        MailboxClient.BoxInfo info = client.boxInfo();
        out.printf("box %s: %d of %d bytes used, %d unread, %d waiting%n", info.box(), info.usedBytes(), info.quotaBytes(),
                info.unread(), info.waiting());
        return 0;
    }

    private int print(String line) {
        out.println(line);
        return 0;
    }

    private static String argument(List<String> words) {
        if (words.size() != 2) {
            throw new IllegalArgumentException(words.get(0) + " takes one message id");
        }
        return words.get(1);
    }

    private static Optional<String> one(Map<String, List<String>> options, String name) {
        return Optional.ofNullable(options.get(name)).map(values -> values.get(values.size() - 1));
    }

    private static String required(Map<String, List<String>> options, String name) {
        return one(options, name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }
}
