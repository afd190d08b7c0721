package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carevault.client.MailboxCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against the test stack with the demo PKI's files, as the README shows it: publish,
 * send a file to a colleague, list, read (annex saved byte for byte), receipts.
 */
class MailboxCliIT {

    private static String run(String user, String... command) {
        List<String> args = new ArrayList<>(List.of("--hub", Stack.HUB, "--key", Stack.PKI.resolve(user + ".p12").toString(),
                "--encryption", Stack.PKI.resolve(user + "-encryption.p12").toString(), "--password",
                Stack.secret("pki.demo-password"), "--trust", Stack.PKI.resolve("ca.pem").toString()));
        args.addAll(List.of(command));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new MailboxCli(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed);
        return printed;
    }

    @Test
    void aColleagueReceivesAFileSentFromTheCommandLine(@TempDir Path dir) throws Exception {
        run("gp.peeters", "publish");
        run("pharm.janssens", "publish");
        Path file = dir.resolve("ontslagbrief.txt");
        Files.writeString(file, "Ontslagbrief: thuismedicatie ongewijzigd.\n");

        String sent = run("gp.peeters", "send", "--to", MailboxApi.PHARMACIST.box(), "--subject", "Ontslagbrief",
                "--body", "In bijlage.", "--attach", file.toString(), "--receipts");
        Matcher id = Pattern.compile("sent ([0-9a-f-]{36})").matcher(sent);
        assertTrue(id.find(), sent);

        assertTrue(run("pharm.janssens", "list").contains(id.group(1)), "in the colleague's inbox");
        Path saved = dir.resolve("saved");
        String read = run("pharm.janssens", "read", id.group(1), "--save", saved.toString());
        assertTrue(read.contains("Subject: Ontslagbrief") && read.contains("signature verified"), read);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(saved.resolve("ontslagbrief.txt")));

        String acks = run("gp.peeters", "acks", id.group(1));
        assertTrue(acks.contains("READ") && acks.contains("time-stamp verified"), acks);
        assertTrue(run("pharm.janssens", "info").contains("box SSIN:85021445650:PHARMACIST"));
    }

    @Test
    void aRefusalIsPrintedWithItsCodeAndExitStatusOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new MailboxCli(new PrintStream(out, true, StandardCharsets.UTF_8)).run(new String[] {"--hub", Stack.HUB,
            "--key", Stack.PKI.resolve("gp.peeters.p12").toString(), "--encryption",
            Stack.PKI.resolve("gp.peeters-encryption.p12").toString(), "--password", Stack.secret("pki.demo-password"),
            "--trust", Stack.PKI.resolve("ca.pem").toString(), "read", "00000000-0000-0000-0000-000000000000"});
        assertEquals(1, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("CV-REQ-005"));
    }
}
