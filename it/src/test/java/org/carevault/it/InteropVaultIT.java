package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import org.carevault.kmehr.KmehrMessage;
import org.carevault.kmehr.KmehrParser;
import org.carevault.kmehr.Transaction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real medication schemes of ../shared/interop (written by others; skipped where absent) go
 * through the running hub over REST, one after the other as versions of their patient's scheme, and
 * come back with the same content: the patient element and every element transaction byte for byte
 * as sent, except the vault id the hub adds to each element as its first {@code <id>}; the scheme
 * transaction as sent except its {@code <version>}, which is the hub's.
 */
class InteropVaultIT {

    private static final Path CORPUS = Path.of(System.getProperty("carevault.interop.dir", "../../shared/interop"),
            "kmehr", "medication-scheme");

    private static long version;

    static Stream<Path> schemes() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Path.of("absent.xml"));
        }
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @BeforeAll
    static void theirPatientIsInOurGpsCare() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return;
        }
        String ssin = KmehrParser.parse(Files.readAllBytes(schemes().findFirst().orElseThrow())).patient().value();
        String ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "physician");
        ConsentApi.linkId(ref, "physician");
        version = Http.json(Http.get(ConsentApi.BASE + ref + "/medication-scheme/latest-update", ConsentApi.token("physician")))
                .get("version").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void sentAndReturnedWithTheSameContent(Path file) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(file), "the interop corpus is not on this machine");
        byte[] bytes = Files.readAllBytes(file);
        KmehrMessage sent = KmehrParser.parse(bytes);
        String ref = ConsentApi.resolve(sent.patient().value());

        HttpResponse<String> stored = MedicationSchemeIT.put(ConsentApi.BASE + ref + "/medication-scheme",
                ConsentApi.token("physician"), "\"" + version + "\"", new String(bytes, StandardCharsets.UTF_8));
        assertEquals(version == 0 ? 201 : 200, stored.statusCode(), stored::body);
        version++;
        HttpResponse<String> read = Http.get(ConsentApi.BASE + ref + "/medication-scheme", ConsentApi.token("physician"));
        KmehrMessage returned = KmehrParser.parse(read.body().getBytes(StandardCharsets.UTF_8));

        assertEquals(sent.patientXml(), returned.patientXml(), "the patient as sent");
        List<Transaction> sentElements = sent.transactions().stream().filter(t -> !t.type().equals("medicationscheme")).toList();
        List<Transaction> returnedElements = returned.transactions().stream().filter(t -> !t.type().equals("medicationscheme"))
                .toList();
        assertEquals(sentElements.size(), returnedElements.size());
        for (int i = 0; i < sentElements.size(); i++) {
            String vaultId = returnedElements.get(i).localId("carevault").orElseThrow();
            assertEquals(sentElements.get(i).xml(), returnedElements.get(i).xml().replace(
                    "<id S=\"LOCAL\" SL=\"carevault\" SV=\"1.0\">" + vaultId + "</id>", ""), "element " + i + " byte for byte");
        }
        String sentScheme = sent.transactionsOfType("medicationscheme").get(0).xml();
        String returnedScheme = returned.transactionsOfType("medicationscheme").get(0).xml();
        assertEquals(sentScheme.replaceFirst("<version>[0-9]+</version>", "<version>" + version + "</version>"), returnedScheme);
        assertTrue(read.headers().firstValue("ETag").orElseThrow().startsWith("\"" + version + "."));

        // What the hub emits is valid KMEHR 1.43 whenever what it was sent was: the current scheme, the version by its
        // number (the same bytes) and the write's answer (the same document, rendered as every later read).
        Optional<Schema> kmehr = KmehrSchema.get();
        if (kmehr.isPresent()) {
            Assumptions.assumeTrue(KmehrSchema.errors(kmehr.get(), bytes).isEmpty(), "the sample itself is not valid KMEHR 1.43");
            assertEquals(List.of(), KmehrSchema.errors(kmehr.get(), read.body().getBytes(StandardCharsets.UTF_8)), "the read");
            HttpResponse<String> byNumber = Http.get(ConsentApi.BASE + ref + "/medication-scheme/versions/" + version,
                    ConsentApi.token("physician"));
            assertEquals(read.body(), byNumber.body(), "a version is the same bytes however it is read");
            assertEquals(List.of(), KmehrSchema.errors(kmehr.get(), stored.body().getBytes(StandardCharsets.UTF_8)), "the write's answer");
            HttpResponse<String> overSoap = SignedSoap.vault("GetTransactionSet", "<c:PatientSsin>" + sent.patient().value()
                    + "</c:PatientSsin>", SoapAuthenticationIT.demo("gp.peeters"));
            assertEquals(200, overSoap.statusCode(), overSoap::body);
            assertEquals(List.of(), KmehrSchema.errors(kmehr.get(), SoapVaultIT.kmehrOf(overSoap).getBytes(StandardCharsets.UTF_8)),
                    "SOAP GetTransactionSet");
        }
    }
}
