package org.carevault.kmehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real KMEHR written by others (../shared/interop/kmehr, not part of the project): every message is
 * accepted, names its one patient, and its transactions are verbatim slices that put back together
 * with the text between them give the message again, byte for byte. Skipped where the folder is absent.
 */
class InteropCorpusTest {

    private static final Path CORPUS = Path.of(System.getProperty("carevault.interop.dir", "../../shared/interop"), "kmehr");

    static Stream<Path> messages() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Path.of("absent"));
        }
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void acceptedAndKeptExactly(Path file) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(file), "the interop corpus is not on this machine");
        byte[] bytes = Files.readAllBytes(file);
        KmehrMessage message = KmehrParser.parse(bytes);

        assertTrue(message.transactions().size() > 0);
        boolean scheme = file.getParent().getFileName().toString().equals("medication-scheme");
        if (scheme) {
            assertEquals(1, message.transactionsOfType("medicationscheme").size());
            assertTrue(message.transactionsOfType("medicationscheme").get(0).version().isPresent(), "a scheme has a version");
        } else {
            assertTrue(message.transactionsOfType("sumehr").size() >= 1);
        }
        StringBuilder rebuilt = new StringBuilder();
        int at = 0;
        for (Transaction transaction : message.transactions()) {
            assertTrue(transaction.xml().startsWith("<transaction") && transaction.xml().endsWith("</transaction>"));
            rebuilt.append(message.text(), at, transaction.start()).append(transaction.xml());
            at = transaction.end();
        }
        rebuilt.append(message.text().substring(at));
        assertEquals(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", ""), rebuilt.toString());
        List<String> types = message.transactions().stream().map(Transaction::type).distinct().toList();
        assertTrue(types.stream().allMatch(t -> List.of("medicationscheme", "medicationschemeelement", "treatmentsuspension",
                "sumehr").contains(t)), types::toString);
    }
}
