package org.carevault.kmehr;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reading one transaction's slice of a message this module parsed, as a DOM tree without namespaces (its prefixes are
 * declared on the message's root), with the parser's hardening: the element helpers the readers of transactions share
 * ({@link MedicationSchedule}, {@link VaccinationRecord}). Names are matched without their prefix.
 */
final class KmehrSlice {

    private KmehrSlice() {
    }

    /** Who wrote the transaction: the first author's names (a person's first and family name, or an organisation's name). */
    static Optional<String> author(Element transaction) {
        return child(transaction, "author").flatMap(a -> child(a, "hcparty")).flatMap(party -> {
            String person = (text(party, "firstname").orElse("") + " " + text(party, "familyname").orElse("")).strip();
            return person.isEmpty() ? text(party, "name") : Optional.of(person);
        });
    }

    static Optional<String> moment(Element item, String name) {
        return child(item, name).flatMap(m -> text(m, "date"));
    }

    static List<Element> items(Element transaction, String type) {
        List<Element> found = new ArrayList<>();
        for (Element item : children(transaction, "item")) {
            if (children(item, "cd").stream().anyMatch(cd -> "CD-ITEM".equals(cd.getAttribute("S"))
                    && type.equals(cd.getTextContent().strip()))) {
                found.add(item);
            }
        }
        return found;
    }

    static Optional<String> text(Element parent, String name) {
        return child(parent, name).flatMap(KmehrSlice::value);
    }

    static Optional<String> value(Element element) {
        return Optional.of(element.getTextContent().strip()).filter(v -> !v.isEmpty());
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The element children named {@code name} (any prefix), or all when null. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || name.equals(local(element)))) {
                found.add(element);
            }
        }
        return found;
    }

    static String local(Element element) {
        String name = element.getTagName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** The slice as a DOM tree, without namespaces; empty when it cannot be read. */
    static Optional<Element> parse(String xml) {
        try {
            return Optional.of(KmehrParser.documentBuilder(false).parse(new InputSource(new StringReader(xml))).getDocumentElement());
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }
}
