package org.carevault.kmehr;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

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
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), root.flatMap(MedicationSchedule::author),
                    suspensions);
        }
        Element medication = item.get();
        return new Line(id, medicine(medication), moment(medication, "beginmoment"), moment(medication, "endmoment"),
                child(medication, "posology").flatMap(p -> text(p, "text")), intakes(medication),
                child(medication, "frequency").flatMap(f -> child(f, "periodicity")).flatMap(p -> text(p, "cd")),
                child(medication, "route").flatMap(r -> text(r, "cd")), text(medication, "instructionforpatient"),
                child(medication, "temporality").flatMap(t -> text(t, "cd")), root.flatMap(MedicationSchedule::author), suspensions);
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

    /** Who wrote the transaction: the first author's names (a person's first and family name, or an organisation's name). */
    private static Optional<String> author(Element transaction) {
        return child(transaction, "author").flatMap(a -> child(a, "hcparty")).flatMap(party -> {
            String person = (text(party, "firstname").orElse("") + " " + text(party, "familyname").orElse("")).strip();
            return person.isEmpty() ? text(party, "name") : Optional.of(person);
        });
    }

    private static Optional<String> moment(Element item, String name) {
        return child(item, name).flatMap(m -> text(m, "date"));
    }

    private static List<Element> items(Element transaction, String type) {
        List<Element> found = new ArrayList<>();
        for (Element item : children(transaction, "item")) {
            if (children(item, "cd").stream().anyMatch(cd -> "CD-ITEM".equals(cd.getAttribute("S"))
                    && type.equals(cd.getTextContent().strip()))) {
                found.add(item);
            }
        }
        return found;
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).flatMap(MedicationSchedule::value);
    }

    private static Optional<String> value(Element element) {
        return Optional.of(element.getTextContent().strip()).filter(v -> !v.isEmpty());
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The element children named {@code name} (any prefix), or all when null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || name.equals(local(element)))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String local(Element element) {
        String name = element.getTagName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** The slice as a DOM tree, without namespaces; empty when it cannot be read. */
    private static Optional<Element> parse(String xml) {
        try {
            return Optional.of(builder().parse(new InputSource(new StringReader(xml))).getDocumentElement());
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());  // errors thrown, never printed
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
