package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * e-Contract's eHealth client (../shared/tools/contract-client, built from their open-source mycarenet project,
 * unmodified), run as Belgian medical software runs it against the test stack; tests that use it are skipped with a
 * notice where it is absent.
 */
final class ContractClient {

    static final Path JAR = Path.of(System.getProperty("carevault.contract-client",
            "../../shared/tools/contract-client/contract-client.jar"));
    static final String STS = Stack.HUB + "/sts/SecureTokenService";
    static final String INTRAHUB = Stack.HUB + "/soap/IntraHubService";

    /** What one run printed and how it ended (0 ok, 2 SOAP fault, 3 transport error). */
    record Run(int exit, String output) {

        /** The IntraHub response payload the client printed after its wire log. */
        String payload() {
            int at = output.indexOf("=== response payload ===");
            return at < 0 ? "" : output.substring(at + "=== response payload ===".length()).trim();
        }
    }

    private ContractClient() {
    }

    /** Skips the calling test with a notice when the client is not on this machine. */
    static void required(String test) {
        if (!Files.isRegularFile(JAR)) {
            System.out.println("NOTICE: " + test + " skips the e-Contract client: " + JAR + " is not on this machine");
            Assumptions.abort("the contract client is not on this machine");
        }
    }

    /** The demo professional's key store and its password, as the client takes them. */
    static List<String> key(String demoUser) {
        return List.of("--p12", Stack.PKI.resolve(demoUser + ".p12").toString(), "--pass", Stack.secret("pki.demo-password"));
    }

    /** A holder-of-key assertion for the demo professional from the demo STS, as a file. */
    static Path assertion(String demoUser) throws IOException, InterruptedException {
        // What software asks for its user: who they are, and the quality they act in (the GP's is the client's default).
        String quality = demoUser.startsWith("nurse") ? "nurse" : demoUser.startsWith("pharm") ? "pharmacist" : "doctor";
        return sts(demoUser, List.of(), List.of("urn:be:fgov:identification-namespace|urn:be:fgov:ehealth:1.0:certificateholder:person:ssin",
                "urn:be:fgov:identification-namespace|urn:be:fgov:person:ssin",
                "urn:be:fgov:certified-namespace:ehealth|urn:be:fgov:person:ssin:" + quality + ":boolean"));
    }

    /** A holder-of-key assertion for the demo hospital from the demo STS (its NIHII, recognised as a hospital). */
    static Path hospitalAssertion(String demoClient, String nihii) throws IOException, InterruptedException {
        // A hospital names itself by its NIHII number, as eHealth hospitals do (there is no SSIN in its certificate).
        return sts(demoClient, List.of("--attribute",
                "urn:be:fgov:identification-namespace|urn:be:fgov:ehealth:1.0:certificateholder:hospital:nihii-number|" + nihii),
                List.of("urn:be:fgov:identification-namespace|urn:be:fgov:ehealth:1.0:certificateholder:hospital:nihii-number",
                        "urn:be:fgov:certified-namespace:ehealth|urn:be:fgov:ehealth:1.0:certificateholder:hospital:nihii-number:"
                                + "recognisedhospital:boolean",
                        "urn:be:fgov:certified-namespace:ehealth|urn:be:fgov:ehealth:1.0:hospital:nihii-number:recognisedhospital:nihii11"));
    }

    /** The client's {@code sts} command for the demo party: the extra arguments, then the designators asked for. */
    private static Path sts(String demoParty, List<String> extra, List<String> designators) throws IOException, InterruptedException {
        Path out = Files.createTempFile("assertion-" + demoParty, ".xml");
        List<String> args = new ArrayList<>(List.of("sts", "--url", STS, "--out", out.toString(), "--no-dump"));
        args.addAll(extra);
        for (String designator : designators) {
            args.addAll(List.of("--designator", designator));
        }
        args.addAll(key(demoParty));
        Run run = run(args);
        assertTrue(run.exit() == 0 && Files.size(out) > 0, "the STS gave an assertion:\n" + run.output());
        out.toFile().deleteOnExit();
        return out;
    }

    /** An IntraHub call ({@code get-latest-update}, {@code put-transaction-set}, …) by the demo professional. */
    static Run intrahub(String demoUser, Path assertion, String command, String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("intrahub", command, "--url", INTRAHUB, "--saml", assertion.toString()));
        args.addAll(key(demoUser));
        args.addAll(List.of(more));
        return run(args);
    }

    /** An eHealthBox call ({@code info}, {@code list}, {@code get}, {@code send}) by the demo professional. */
    static Run ehbox(String demoUser, Path assertion, String command, String... more) throws IOException, InterruptedException {
        String url = "send".equals(command) ? EhBoxIT.PUBLICATION : EhBoxIT.CONSULTATION;
        List<String> args = new ArrayList<>(List.of("ehbox", command, "--url", url, "--saml", assertion.toString()));
        args.addAll(key(demoUser));
        args.addAll(List.of(more));
        return run(args);
    }

    static Run run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(args);
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(120, TimeUnit.SECONDS), "the client ends");
        return new Run(client.exitValue(), output);
    }
}
