package org.carevault.kmehr;

import static org.carevault.kmehr.KmehrSlice.author;
import static org.carevault.kmehr.KmehrSlice.child;
import static org.carevault.kmehr.KmehrSlice.children;
import static org.carevault.kmehr.KmehrSlice.items;
import static org.carevault.kmehr.KmehrSlice.local;
import static org.carevault.kmehr.KmehrSlice.moment;
import static org.carevault.kmehr.KmehrSlice.parse;
import static org.carevault.kmehr.KmehrSlice.text;
import static org.carevault.kmehr.KmehrSlice.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * A medication scheme as a patient follows it: for each element the medicine as written, when and how much to take
 * (the regimen's intakes: day, moment of the day or time, quantity and unit; or the free-text posology), how often, by
 * which route, from when to when, the instructions for the patient, who last changed it, and its suspensions
 * (stopped or suspended, from when to when, why). Codes stay codes ({@code CD-DAYPERIOD} {@code morning}, …): the
 * reader's language is the reader's business. What a slice does not say stays empty; an element that cannot be read
 * is still a line, never dropped. Each transaction's slice is read without namespaces (its prefixes are declared on
 * the message's root), with DTDs refused.
 */
public record MedicationSchedule(List<Line> lines) {

    /** One intake of a regimen: on which day (a weekday, a day number or a date), when in the day, how much of what. */
    public record Intake(Optional<String> weekday, Optional<String> dayNumber, Optional<String> date, Optional<String> dayPeriod,
            Optional<String> time, Optional<String> quantity, Optional<String> unit) {
    }

    /** A suspension of an element: {@code CD-LIFECYCLE} ({@code suspended}, {@code stopped}), its period, why, by whom. */
    public record Suspension(Optional<String> lifecycle, Optional<String> begin, Optional<String> end, Optional<String> reason,
            Optional<String> author) {
    }

    /** One element of the scheme. */
    public record Line(Optional<String> id, Optional<String> medicine, Optional<String> begin, Optional<String> end,
            Optional<String> posology, List<Intake> intakes, Optional<String> periodicity, Optional<String> route,
            Optional<String> instructions, Optional<String> temporality, Optional<String> author, List<Suspension> suspensions) {

        public Line {
            intakes = List.copyOf(intakes);
            suspensions = List.copyOf(suspensions);
        }
    }

    private static final Pattern LINK_TARGET = Pattern.compile("id\\[@S='ID-KMEHR'\\]\\s*=\\s*'([^']+)'");

    public MedicationSchedule {
        lines = List.copyOf(lines);
    }

    /** The scheme's elements in order, each with the suspensions that point at it. */
    public static MedicationSchedule of(KmehrMessage message) {
        Map<String, List<Suspension>> suspended = new LinkedHashMap<>();
        for (Transaction transaction : message.transactionsOfType("treatmentsuspension")) {
            Optional<Element> root = parse(transaction.xml());
            if (root.isEmpty()) {
                continue;
            }
            Optional<Element> medication = items(root.get(), "medication").stream().findFirst();
            Optional<String> target = medication.flatMap(m -> child(m, "lnk")).map(l -> l.getAttribute("URL"))
                    .map(LINK_TARGET::matcher).filter(Matcher::find).map(m -> m.group(1));
            if (medication.isEmpty() || target.isEmpty()) {
                continue;
            }
            Element item = medication.get();
            Optional<String> reason = items(root.get(), "transactionreason").stream().findFirst()
                    .flatMap(r -> child(r, "content")).flatMap(c -> text(c, "text"));
            suspended.computeIfAbsent(target.get(), key -> new ArrayList<>()).add(new Suspension(
                    child(item, "lifecycle").flatMap(l -> text(l, "cd")), moment(item, "beginmoment"), moment(item, "endmoment"),
                    reason, author(root.get())));
        }
        List<Line> lines = new ArrayList<>();
        for (Transaction transaction : message.transactionsOfType(SchemeDocument.ELEMENT_TYPES.get(0))) {
            Optional<String> id = transaction.ids().stream().filter(i -> i.is("ID-KMEHR")).map(KmehrId::value).findFirst();
            List<Suspension> suspensions = id.map(i -> suspended.getOrDefault(i, List.of())).orElse(List.of());
            lines.add(line(transaction, id, suspensions));
        }
        return new MedicationSchedule(lines);
    }

    static Line line(Transaction transaction, Optional<String> id, List<Suspension> suspensions) {
        Optional<Element> root = parse(transaction.xml());
        Optional<Element> item = root.flatMap(r -> items(r, "medication").stream().findFirst());
        if (item.isEmpty()) {
            return new Line(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), root.flatMap(KmehrSlice::author),
                    suspensions);
        }
        Element medication = item.get();
        return new Line(id, medicine(medication), moment(medication, "beginmoment"), moment(medication, "endmoment"),
                child(medication, "posology").flatMap(p -> text(p, "text")), intakes(medication),
                child(medication, "frequency").flatMap(f -> child(f, "periodicity")).flatMap(p -> text(p, "cd")),
                child(medication, "route").flatMap(r -> text(r, "cd")), text(medication, "instructionforpatient"),
                child(medication, "temporality").flatMap(t -> text(t, "cd")), root.flatMap(KmehrSlice::author), suspensions);
    }

    /** The medicine as written: the product's or substance's intended name, a compound prescription, or the item's text. */
    private static Optional<String> medicine(Element medication) {
        for (Element content : children(medication, "content")) {
            for (String product : List.of("medicinalproduct", "substanceproduct")) {
                Optional<String> name = child(content, product).flatMap(p -> text(p, "intendedname"));
                if (name.isPresent()) {
                    return name;
                }
            }
            Optional<String> compound = text(content, "compoundprescription");
            if (compound.isPresent()) {
                return compound;
            }
        }
        return text(medication, "text");
    }

    /**
     * The regimen's intakes. The regimen is a flat sequence: a day (weekday, day number or date) applies to what follows
     * until the next day; each daytime (a moment of the day or a time) is followed by its quantity.
     */
    private static List<Intake> intakes(Element medication) {
        List<Intake> intakes = new ArrayList<>();
        for (Element regimen : children(medication, "regimen")) {
            Optional<String> weekday = Optional.empty();
            Optional<String> dayNumber = Optional.empty();
            Optional<String> date = Optional.empty();
            Optional<String> period = Optional.empty();
            Optional<String> time = Optional.empty();
            for (Element part : children(regimen, null)) {
                switch (local(part)) {
                    case "weekday" -> {
                        weekday = text(part, "cd");
                        dayNumber = Optional.empty();
                        date = Optional.empty();
                    }
                    case "daynumber" -> {
                        dayNumber = value(part);
                        weekday = Optional.empty();
                        date = Optional.empty();
                    }
                    case "date" -> {
                        date = value(part);
                        weekday = Optional.empty();
                        dayNumber = Optional.empty();
                    }
                    case "daytime" -> {
                        period = child(part, "dayperiod").flatMap(p -> text(p, "cd"));
                        time = text(part, "time");
                    }
                    case "quantity" -> {
                        intakes.add(new Intake(weekday, dayNumber, date, period, time, text(part, "decimal"),
                                child(part, "unit").flatMap(u -> text(u, "cd"))));
                        period = Optional.empty();
                        time = Optional.empty();
                    }
                    default -> {
                        // nothing else belongs in a regimen
                    }
                }
            }
        }
        return intakes;
    }
}
