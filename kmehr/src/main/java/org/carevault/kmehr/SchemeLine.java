package org.carevault.kmehr;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One line of a medication scheme as a reader shows it: the medicine as written ({@code intendedname}), the first
 * free text ({@code text}, the posology in words where the writer gave one) and the beginning ({@code beginmoment}).
 * Read from the element transactions of a message this module parsed, with the parser's own hardening (no DTD, no entity);
 * the transaction's slice is read without namespaces, since its prefixes are declared on the message's root.
 */
public record SchemeLine(Optional<String> medicine, Optional<String> text, Optional<String> begin) {

    private static final XMLInputFactory FACTORY = KmehrParser.factory(false);

    /** The lines of a medication scheme's elements, in order; a line that cannot be read has no fields, never dropped. */
    public static List<SchemeLine> of(KmehrMessage message) {
        List<SchemeLine> lines = new ArrayList<>();
        for (Transaction transaction : message.transactionsOfType(SchemeDocument.ELEMENT_TYPES.get(0))) {
            lines.add(of(transaction));
        }
        return lines;
    }

    static SchemeLine of(Transaction transaction) {
        Optional<String> medicine = Optional.empty();
        Optional<String> text = Optional.empty();
        Optional<String> begin = Optional.empty();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(transaction.xml()));
            String wanted = null;  // the element whose text is being gathered, with its descendants
            int depth = 0;
            StringBuilder gathered = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = localName(reader.getLocalName());
                    if (wanted == null && (name.equals("intendedname") && medicine.isEmpty() || name.equals("text") && text.isEmpty()
                            || name.equals("beginmoment") && begin.isEmpty())) {
                        wanted = name;
                        depth = 0;
                        gathered.setLength(0);
                    } else if (wanted != null) {
                        depth++;
                    }
                } else if (wanted != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    gathered.append(reader.getText());
                } else if (wanted != null && event == XMLStreamConstants.END_ELEMENT) {
                    if (depth-- > 0) {
                        continue;
                    }
                    Optional<String> value = Optional.of(gathered.toString().strip()).filter(v -> !v.isEmpty());
                    switch (wanted) {
                        case "intendedname" -> medicine = value;
                        case "text" -> text = value;
                        default -> begin = value;
                    }
                    wanted = null;
                }
            }
        } catch (XMLStreamException e) {
            // what was read so far stands; the rest stays unknown
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // a string reader holds nothing
                }
            }
        }
        return new SchemeLine(medicine, text, begin);
    }

    /** The name without its prefix (the slice is read without namespaces). */
    private static String localName(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }
}
