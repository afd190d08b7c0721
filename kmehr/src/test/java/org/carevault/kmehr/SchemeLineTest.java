package org.carevault.kmehr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemeLineTest {

    @Test
    void eachElementInWordsWhateverItsPrefix() {
        KmehrMessage message = KmehrParser.parse(TestMessages.bytes(TestMessages.scheme(TestMessages.SSIN, "1",
                TestMessages.element(2, "Amoxicilline 500 mg"), TestMessages.element(3, "Paracetamol &amp; co"))));
        List<SchemeLine> lines = SchemeLine.of(message);
        assertEquals(2, lines.size());
        assertEquals(Optional.of("Amoxicilline 500 mg"), lines.get(0).medicine());
        assertEquals(Optional.of("Paracetamol & co"), lines.get(1).medicine(), "entities as text, once");
    }

    @Test
    void aPrefixedSliceWithNestedTextReads() {
        Transaction element = new Transaction("medicationschemeelement", List.of(), List.of(), Optional.empty(),
                "<k:transaction><k:item><k:content><k:medicinalproduct><k:intendedname>Bisoprolol</k:intendedname>"
                        + "</k:medicinalproduct></k:content><k:beginmoment><k:date>2026-12-01</k:date></k:beginmoment>"
                        + "<k:posology><k:text L=\"nl\">1 per dag</k:text></k:posology></k:item></k:transaction>", 0, 0);
        assertEquals(new SchemeLine(Optional.of("Bisoprolol"), Optional.of("1 per dag"), Optional.of("2026-12-01")),
                SchemeLine.of(element));
        Transaction broken = new Transaction("medicationschemeelement", List.of(), List.of(), Optional.empty(),
                "<k:transaction><k:intendedname>Half</k:intendedname><k:text>", 0, 0);
        assertEquals(Optional.of("Half"), SchemeLine.of(broken).medicine(), "what was read before the break stands");
    }
}
