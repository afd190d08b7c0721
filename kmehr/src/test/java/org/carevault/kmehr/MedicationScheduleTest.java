package org.carevault.kmehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MedicationScheduleTest {

    private static final Path INTEROP = Path.of(System.getProperty("carevault.interop.dir", "../../shared/interop"),
            "kmehr", "medication-scheme");

    @Test
    void aRegimenItsFrequencyRouteInstructionsAndSuspensionsAreRead() {
        String element = "<transaction><id S=\"ID-KMEHR\" SV=\"1.0\">2</id>"
                + "<cd S=\"CD-TRANSACTION\" SV=\"1.4\">medicationschemeelement</cd><date>2026-11-28</date><time>10:00:00</time>"
                + TestMessages.author() + "<iscomplete>true</iscomplete><isvalidated>true</isvalidated>"
                + "<item><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><cd S=\"CD-ITEM\" SV=\"1.4\">medication</cd>"
                + "<content><medicinalproduct><intendedname>Bisoprolol 5 mg</intendedname></medicinalproduct></content>"
                + "<text L=\"nl\">Bisoprolol 5 mg</text>"
                + "<beginmoment><date>2026-11-01</date></beginmoment><endmoment><date>2027-02-01</date></endmoment>"
                + "<temporality><cd S=\"CD-TEMPORALITY\" SV=\"1.0\">chronic</cd></temporality>"
                + "<frequency><periodicity><cd S=\"CD-PERIODICITY\" SV=\"1.0\">W</cd></periodicity></frequency>"
                + "<regimen><weekday><cd S=\"CD-WEEKDAY\" SV=\"1.0\">monday</cd></weekday>"
                + "<daytime><dayperiod><cd S=\"CD-DAYPERIOD\" SV=\"1.0\">morning</cd></dayperiod></daytime>"
                + "<quantity><decimal>1</decimal><unit><cd S=\"CD-ADMINISTRATIONUNIT\" SV=\"1.2\">00005</cd></unit></quantity>"
                + "<daytime><time>20:00:00</time></daytime><quantity><decimal>0.5</decimal></quantity>"
                + "<weekday><cd S=\"CD-WEEKDAY\" SV=\"1.0\">friday</cd></weekday>"
                + "<daytime><dayperiod><cd S=\"CD-DAYPERIOD\" SV=\"1.0\">thehourofsleep</cd></dayperiod></daytime>"
                + "<quantity><decimal>2</decimal></quantity></regimen>"
                + "<route><cd S=\"CD-DRUG-ROUTE\" SV=\"2.0\">00002</cd></route>"
                + "<instructionforpatient L=\"nl\">Met water innemen</instructionforpatient></item></transaction>";
        String suspension = "<transaction><id S=\"ID-KMEHR\" SV=\"1.0\">3</id>"
                + "<cd S=\"CD-TRANSACTION\" SV=\"1.4\">treatmentsuspension</cd><date>2026-11-28</date><time>10:00:00</time>"
                + TestMessages.author() + "<iscomplete>true</iscomplete><isvalidated>true</isvalidated>"
                + "<item><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><cd S=\"CD-ITEM\" SV=\"1.14\">transactionreason</cd>"
                + "<content><text L=\"nl\">Operatie</text></content></item>"
                + "<item><id S=\"ID-KMEHR\" SV=\"1.0\">2</id><cd S=\"CD-ITEM\" SV=\"1.4\">medication</cd>"
                + "<content><medicinalproduct><intendedname>Bisoprolol 5 mg</intendedname></medicinalproduct></content>"
                + "<beginmoment><date>2026-12-10</date></beginmoment><endmoment><date>2026-12-12</date></endmoment>"
                + "<lifecycle><cd S=\"CD-LIFECYCLE\" SV=\"1.3\">suspended</cd></lifecycle>"
                + "<lnk TYPE=\"isplannedfor\" URL=\"//transaction[id[@S='ID-KMEHR']='2']\"/></item></transaction>";
        MedicationSchedule schedule = MedicationSchedule.of(KmehrParser.parse(TestMessages.bytes(TestMessages.scheme(
                TestMessages.SSIN, "1", element, suspension, TestMessages.element(4, "Paracetamol")))));
        assertEquals(2, schedule.lines().size(), "the elements, the suspension attached to its own");
        MedicationSchedule.Line line = schedule.lines().get(0);
        assertEquals(Optional.of("Bisoprolol 5 mg"), line.medicine());
        assertEquals(Optional.of("2026-11-01"), line.begin());
        assertEquals(Optional.of("2027-02-01"), line.end());
        assertEquals(Optional.of("W"), line.periodicity());
        assertEquals(Optional.of("00002"), line.route());
        assertEquals(Optional.of("chronic"), line.temporality());
        assertEquals(Optional.of("Met water innemen"), line.instructions());
        assertEquals(Optional.of("Jan Peeters"), line.author());
        assertEquals(List.of(
                new MedicationSchedule.Intake(Optional.of("monday"), Optional.empty(), Optional.empty(), Optional.of("morning"),
                        Optional.empty(), Optional.of("1"), Optional.of("00005")),
                new MedicationSchedule.Intake(Optional.of("monday"), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("20:00:00"), Optional.of("0.5"), Optional.empty()),
                new MedicationSchedule.Intake(Optional.of("friday"), Optional.empty(), Optional.empty(), Optional.of("thehourofsleep"),
                        Optional.empty(), Optional.of("2"), Optional.empty())), line.intakes());
        assertEquals(List.of(new MedicationSchedule.Suspension(Optional.of("suspended"), Optional.of("2026-12-10"),
                Optional.of("2026-12-12"), Optional.of("Operatie"), Optional.of("Jan Peeters"))), line.suspensions());
        assertTrue(schedule.lines().get(1).suspensions().isEmpty());
        assertEquals(Optional.of("Paracetamol"), schedule.lines().get(1).medicine());
    }

    @Test
    void aPrefixedSliceReadsAndABrokenOneIsStillALine() {
        Transaction element = new Transaction("medicationschemeelement", List.of(), List.of(), Optional.empty(),
                "<k:transaction><k:item><k:cd S=\"CD-ITEM\">medication</k:cd><k:content><k:medicinalproduct><k:intendedname>"
                        + "Bisoprolol &amp; co</k:intendedname></k:medicinalproduct></k:content><k:beginmoment><k:date>2026-12-01"
                        + "</k:date></k:beginmoment><k:posology><k:text L=\"nl\">1 per dag</k:text></k:posology></k:item>"
                        + "</k:transaction>", 0, 0);
        MedicationSchedule.Line line = MedicationSchedule.line(element, Optional.of("2"), List.of());
        assertEquals(Optional.of("Bisoprolol & co"), line.medicine(), "entities as text, once");
        assertEquals(Optional.of("1 per dag"), line.posology());
        assertEquals(Optional.of("2026-12-01"), line.begin());
        Transaction broken = new Transaction("medicationschemeelement", List.of(), List.of(), Optional.empty(),
                "<k:transaction><k:intendedname>Half</k:intendedname><k:text>", 0, 0);
        MedicationSchedule.Line kept = MedicationSchedule.line(broken, Optional.of("3"), List.of());
        assertEquals(Optional.of("3"), kept.id(), "a line all the same, never dropped");
        assertTrue(kept.medicine().isEmpty());
    }

    /** Every element of every interop scheme is a line with its medicine, and every intake of its regimen is read. */
    @Test
    void everyElementOfTheInteropSchemesIsReadWithItsIntakes() throws IOException {
        if (!Files.isDirectory(INTEROP)) {
            System.out.println("NOTICE: MedicationScheduleTest skips the interop schemes: " + INTEROP + " is absent");
            Assumptions.abort("the interop corpus is not on this machine");
        }
        List<Path> samples;
        try (Stream<Path> files = Files.list(INTEROP)) {
            samples = files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(samples.size() >= 5, "the corpus's schemes");
        Pattern regimen = Pattern.compile("<regimen>(.*?)</regimen>", Pattern.DOTALL);
        for (Path sample : samples) {
            String text = Files.readString(sample);
            MedicationSchedule schedule = MedicationSchedule.of(KmehrParser.parse(Files.readAllBytes(sample)));
            assertEquals(count(text, "medicationschemeelement</cd>"), schedule.lines().size(), sample + ": every element");
            for (MedicationSchedule.Line line : schedule.lines()) {
                assertTrue(line.medicine().isPresent(), sample + ": a medicine for element " + line.id());
            }
            int quantities = 0;
            Matcher matcher = regimen.matcher(text);
            while (matcher.find()) {
                quantities += count(matcher.group(1), "<quantity>");
            }
            assertEquals(quantities, schedule.lines().stream().mapToInt(l -> l.intakes().size()).sum(), sample + ": every intake");
            assertEquals(count(text, "isplannedfor"), schedule.lines().stream().mapToInt(l -> l.suspensions().size()).sum(),
                    sample + ": every suspension on its element");
        }
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
