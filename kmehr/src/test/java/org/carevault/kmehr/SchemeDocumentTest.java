package org.carevault.kmehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemeDocumentTest {

    @Test
    void aRenderedVersionReadsBackWithItsVersionItsVaultIdsAndEveryElementAsSent() {
        String first = TestMessages.element(2, "Amoxicilline 500 mg");
        String second = TestMessages.element(3, "Paracetamol 1 g");
        KmehrMessage written = KmehrParser.parse(TestMessages.bytes(TestMessages.scheme(TestMessages.SSIN, "3", first, second)));
        SchemeDocument.Frame frame = SchemeDocument.Frame.of(written, written.transactionsOfType(SchemeDocument.SCHEME).get(0));
        assertEquals(frame, SchemeDocument.Stored.decode(frame.encode()).frame(), "the frame survives its encoding");

        List<String> stored = List.of(SchemeDocument.withVaultId(first, "id-1"), SchemeDocument.withVaultId(second, "id-2"));
        SchemeDocument.Recipient gp = new SchemeDocument.Recipient(Optional.of("12345625004"), Optional.of("72081012378"),
                "persphysician", Optional.of("Jan <Peeters> & Co"));
        String rendered = SchemeDocument.render(frame, 8, "carevault.1", Instant.parse("2026-11-28T10:15:30Z"), gp, stored);
        assertEquals(rendered, SchemeDocument.render(frame, 8, "carevault.1", Instant.parse("2026-11-28T10:15:30Z"), gp, stored),
                "the same version for the same recipient is the same bytes");
        assertTrue(rendered.contains("<recipient><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">12345625004</id>"
                + "<id S=\"INSS\" SV=\"1.0\">72081012378</id><cd S=\"CD-HCPARTY\" SV=\"1.0\">persphysician</cd>"
                + "<name>Jan &lt;Peeters&gt; &amp; Co</name></hcparty></recipient></header>"), rendered);
        KmehrMessage read = KmehrParser.parse(rendered.getBytes(StandardCharsets.UTF_8));

        assertEquals(TestMessages.SSIN, read.patient().value());
        assertEquals(Optional.of(8L), read.transactionsOfType(SchemeDocument.SCHEME).get(0).version());
        assertEquals(Optional.of("id-1"), read.transactions().get(1).localId(SchemeDocument.VAULT_ID_LABEL));
        assertEquals(Optional.of("id-2"), read.transactions().get(2).localId(SchemeDocument.VAULT_ID_LABEL));
        assertEquals(stored, List.of(read.transactions().get(1).xml(), read.transactions().get(2).xml()));
        assertEquals(first, read.transactions().get(1).xml().replace(
                "<id S=\"LOCAL\" SL=\"carevault\" SV=\"1.0\">id-1</id>", ""), "only the vault id was added");
        assertEquals(written.patientXml(), read.patientXml());
        assertEquals("2026-11-28", read.header().date());
    }

    @Test
    void aRecipientIsACareParty() {
        assertThrows(IllegalArgumentException.class, () -> new SchemeDocument.Recipient(Optional.of("12a"), Optional.empty(),
                "persphysician", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new SchemeDocument.Recipient(Optional.empty(), Optional.empty(),
                "<cd>", Optional.empty()));
        assertEquals(Optional.empty(), new SchemeDocument.Recipient(Optional.empty(), Optional.empty(), "patient",
                Optional.of("  ")).name(), "a blank name is left out");
    }

    @Test
    void aWholeVersionIsOneRecordAndAFrameWrittenAloneStillReads() {
        KmehrMessage written = KmehrParser.parse(TestMessages.bytes(TestMessages.scheme(TestMessages.SSIN, "3",
                TestMessages.element(2, "Bisoprolol 2,5 mg"))));
        SchemeDocument.Frame frame = SchemeDocument.Frame.of(written, written.transactionsOfType(SchemeDocument.SCHEME).get(0));
        List<String> elements = List.of("<transaction>é ü 1</transaction>", "", "<transaction>2</transaction>");

        SchemeDocument.Stored whole = SchemeDocument.Stored.decode(new SchemeDocument.Stored(frame, Optional.of(elements)).encode());
        assertEquals(frame, whole.frame());
        assertEquals(Optional.of(elements), whole.elements(), "elements in order, byte for byte");
        assertEquals(Optional.of(List.of()), SchemeDocument.Stored.decode(
                new SchemeDocument.Stored(frame, Optional.of(List.of())).encode()).elements(), "a version without elements");

        SchemeDocument.Stored frameAlone = SchemeDocument.Stored.decode(frame.encode());
        assertEquals(frame, frameAlone.frame());
        assertEquals(Optional.empty(), frameAlone.elements(), "a frame alone: elements are in their own rows");
    }

    @Test
    void aVaultIdGoesInTheTransactionsOwnPrefix() {
        String prefixed = "<k:transaction><k:id S=\"ID-KMEHR\">1</k:id></k:transaction>";
        assertTrue(SchemeDocument.withVaultId(prefixed, "x").startsWith(
                "<k:transaction><k:id S=\"LOCAL\" SL=\"carevault\" SV=\"1.0\">x</k:id><k:id"));
    }

    @Test
    void aSchemeWithoutVersionCannotCarryOne() {
        assertThrows(KmehrException.class, () -> SchemeDocument.withVersion("<transaction></transaction>", 1));
    }
}
