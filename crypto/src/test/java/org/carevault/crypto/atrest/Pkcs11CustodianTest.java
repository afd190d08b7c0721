package org.carevault.crypto.atrest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PKCS#11 custodian against a real SoftHSM2 token (Debian package softhsm2, which .ci/run
 * installs). The token lives under target/ and is created afresh; SOFTHSM2_CONF is set by surefire.
 */
class Pkcs11CustodianTest {

    private static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    private static final byte[] PATIENT = "patient-ref:hsm".getBytes(StandardCharsets.UTF_8);
    private static final char[] PIN = "5678".toCharArray();
    private static long slot;
    /** A second token nobody logs in to: PKCS#11 login is per process and token, so a wrong PIN is only tested here. */
    private static long untouchedSlot;

    @BeforeAll
    static void token() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of(LIBRARY)), "SoftHSM2 is not installed (.ci/run installs it)");
        Path conf = Path.of(System.getenv().getOrDefault("SOFTHSM2_CONF", "target/softhsm2.conf"));
        Path tokens = conf.toAbsolutePath().getParent().resolve("softhsm-tokens");
        deleteTree(tokens);
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n");
        String output = run("softhsm2-util", "--init-token", "--free", "--label", "carevault-test", "--so-pin", "1234",
                "--pin", new String(PIN));
        slot = slotOf(output);
        untouchedSlot = slotOf(run("softhsm2-util", "--init-token", "--free", "--label", "carevault-untouched",
                "--so-pin", "1234", "--pin", new String(PIN)));
    }

    private static long slotOf(String output) {
        Matcher matcher = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        Assumptions.assumeTrue(matcher.find(), output);
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void sharesWrapOnTheTokenTheKeysNeverLeaveItAndRotationKeepsOldShares() {
        Pkcs11Custodian hsm = Pkcs11Custodian.open("hsm", LIBRARY, slot, PIN);
        Pkcs12Custodian file = Pkcs12Custodian.openOrCreate("file", tempDir().resolve("file.p12"), "pw".toCharArray());
        DataKeyEscrow escrow = new DataKeyEscrow(file, hsm);

        DataKeyEscrow.NewKey created = escrow.create(PATIENT);
        assertArrayEquals(created.dataKey().getEncoded(), escrow.recover(created.escrowed(), PATIENT).getEncoded());

        int version = hsm.rotate();
        assertEquals(created.escrowed().second().keyVersion() + 1, version);
        SecretKey recovered = escrow.recover(created.escrowed(), PATIENT);
        assertArrayEquals(created.dataKey().getEncoded(), recovered.getEncoded(), "old shares still unwrap");
        DataKeyEscrow.EscrowedKey rewrapped = escrow.rewrap(created.escrowed(), PATIENT);
        assertEquals(version, rewrapped.second().keyVersion());

        Pkcs11Custodian reopened = Pkcs11Custodian.open("hsm", LIBRARY, slot, PIN);
        assertArrayEquals(created.dataKey().getEncoded(),
                new DataKeyEscrow(file, reopened).recover(rewrapped, PATIENT).getEncoded(), "keys persist on the token");
        assertThrows(RecordCipherException.class, () -> escrow.recover(created.escrowed(), "other".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTokensKeysAreNotExtractable() throws Exception {
        Pkcs11Custodian hsm = Pkcs11Custodian.open("hsm-check", LIBRARY, slot, PIN);
        SecretKey onToken = hsm.keys.lastEntry().getValue();
        assertNull(onToken.getEncoded(), "a sensitive token key has no encoding");
    }

    @Test
    void aWrongPinIsRefused() {
        assertThrows(RecordCipherException.class, () -> Pkcs11Custodian.open("hsm-bad", LIBRARY, untouchedSlot, "0000".toCharArray()));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("custodian");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
