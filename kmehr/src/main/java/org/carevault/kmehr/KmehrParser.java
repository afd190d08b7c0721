package org.carevault.kmehr;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.carevault.crypto.identity.Ssin;

/**
 * Reads a KMEHR message with a hardened streaming parser — no DOCTYPE (so no entity of any kind),
 * no external access, limits on size, depth and element count — and validates what the hub relies
 * on: a {@code kmehrmessage} in the KMEHR namespace; a header with standard, id, date, time and a
 * sender; exactly one patient, named by an SSIN with valid check digits ({@code ID-PATIENT} or
 * {@code INSS}); transactions with a type and an author; versions that are positive whole numbers.
 * Everything else is kept exactly as sent: each transaction is a verbatim slice of the text.
 */
public final class KmehrParser {

    /** Size (characters), nesting depth and element count a message may not exceed. */
    public record Limits(int maxChars, int maxDepth, int maxElements) {
        public static final Limits DEFAULT = new Limits(10 * 1024 * 1024, 48, 400_000);
    }

    private static final Pattern ENCODING = Pattern.compile("\\A\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");
    private static final String ROOT = "kmehrmessage";
    private static final String FOLDER = "kmehrmessage/folder";
    private static final String PATIENT = FOLDER + "/patient";
    private static final String TRANSACTION = FOLDER + "/transaction";

    private KmehrParser() {
    }

    public static KmehrMessage parse(byte[] bytes) {
        return parse(bytes, Limits.DEFAULT);
    }

    public static KmehrMessage parse(byte[] bytes, Limits limits) {
        if (bytes.length > limits.maxChars() * 4L || bytes.length == 0) {
            throw new KmehrException(bytes.length == 0 ? KmehrException.Reason.NOT_XML : KmehrException.Reason.TOO_LARGE,
                    bytes.length == 0 ? "empty" : "the message is too large");
        }
        String text = decode(bytes);
        if (text.length() > limits.maxChars()) {
            throw new KmehrException(KmehrException.Reason.TOO_LARGE, "the message is too large");
        }
        return new Reader(text, limits).read();
    }

    private static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KmehrException(KmehrException.Reason.NOT_XML, "the message is not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Matcher declared = ENCODING.matcher(text);
        if (declared.find() && !declared.group(1).equalsIgnoreCase("UTF-8")) {
            throw new KmehrException(KmehrException.Reason.NOT_XML, "KMEHR messages are UTF-8");
        }
        return text;
    }

    private static XMLInputFactory factory() {
        return factory(true);
    }

    /**
     * The JDK's own parser, whatever StAX implementation the classpath brings (its offsets are what startOf expects),
     * hardened: no DTD, no external entity. Without namespaces for slices of a message whose prefixes are declared
     * on its root.
     */
    static XMLInputFactory factory(boolean namespaceAware) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
        return factory;
    }

    /**
     * A DOM builder for KMEHR, hardened like the reader: a DTD is refused, no entity is expanded, no XInclude; errors
     * are thrown, never printed. Without namespaces for a transaction's slice (its prefixes are declared on the
     * message's root: {@link MedicationSchedule}); with them for whole documents (the IntraHub adapter's).
     */
    public static javax.xml.parsers.DocumentBuilder documentBuilder(boolean namespaceAware) {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(namespaceAware);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One pass over one message. */
    private static final class Reader {
        private final String text;
        private final Limits limits;
        private final Deque<String> path = new ArrayDeque<>();
        private final StringBuilder leaf = new StringBuilder();

        private String rootStartTag;
        private String standard;
        private String headerId;
        private String date;
        private String time;
        private final List<Hcparty> senders = new ArrayList<>();
        private int patients;
        private final List<KmehrId> patientIds = new ArrayList<>();
        private int patientStart;
        private String patientXml;
        private final List<Transaction> transactions = new ArrayList<>();

        private PartyBuilder party;
        private TransactionBuilder transaction;
        private String attributeS;
        private String attributeSl;
        private int elements;

        Reader(String text, Limits limits) {
            this.text = text;
            this.limits = limits;
        }

        KmehrMessage read() {
            XMLStreamReader reader;
            try {
                reader = factory().createXMLStreamReader(new StringReader(text));
                while (reader.hasNext()) {
                    switch (reader.next()) {
                        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new KmehrException(KmehrException.Reason.DOCTYPE_FORBIDDEN, "a DOCTYPE is not accepted");
                        case XMLStreamConstants.START_ELEMENT -> start(reader);
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            leaf.append(reader.getText());
                        case XMLStreamConstants.END_ELEMENT -> end(reader);
                        default -> {
                            // comments and processing instructions are kept in the text, not read
                        }
                    }
                }
            } catch (XMLStreamException e) {
                throw new KmehrException(KmehrException.Reason.NOT_XML, "not well-formed XML");
            }
            return validated();
        }

        /**
         * Where the element's start tag begins. The parser's offsets are only approximate (it reads
         * ahead), so the tag is searched backwards from the reported offset by its qualified name.
         */
        private int startOf(XMLStreamReader reader, int reported) {
            String tag = "<" + qualifiedName(reader);
            int at = Math.min(reported, text.length() - 1) + 1;
            do {
                at = text.lastIndexOf(tag, at - 1);
            } while (at >= 0 && !boundary(at + tag.length()));
            if (at < 0) {
                throw new KmehrException(KmehrException.Reason.NOT_XML, "an element could not be located");
            }
            return at;
        }

        /**
         * Just after the end tag of the element that starts at {@code start} (or after its empty-element
         * tag), found by scanning forward and counting nested elements of the same name.
         */
        private int endOf(XMLStreamReader reader, int start) {
            String open = "<" + qualifiedName(reader);
            String close = "</" + qualifiedName(reader);
            int tagEnd = text.indexOf('>', start);
            if (text.charAt(tagEnd - 1) == '/') {
                return tagEnd + 1;
            }
            int depth = 1;
            int at = tagEnd + 1;
            while (true) {
                int nextOpen = tagAt(open, at);
                int nextClose = tagAt(close, at);
                if (nextClose < 0) {
                    throw new KmehrException(KmehrException.Reason.NOT_XML, "an element could not be located");
                }
                if (nextOpen >= 0 && nextOpen < nextClose) {
                    depth++;
                    at = nextOpen + open.length();
                } else if (--depth == 0) {
                    return text.indexOf('>', nextClose) + 1;
                } else {
                    at = nextClose + close.length();
                }
            }
        }

        private int tagAt(String tag, int from) {
            int at = text.indexOf(tag, from);
            while (at >= 0 && !boundary(at + tag.length())) {
                at = text.indexOf(tag, at + 1);
            }
            return at;
        }

        private boolean boundary(int index) {
            if (index >= text.length()) {
                return false;
            }
            char next = text.charAt(index);
            return next == '>' || next == '/' || Character.isWhitespace(next);
        }

        private static String qualifiedName(XMLStreamReader reader) {
            String prefix = reader.getPrefix();
            return prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
        }

        private String where() {
            StringBuilder joined = new StringBuilder();
            for (var it = path.descendingIterator(); it.hasNext();) {
                joined.append(joined.isEmpty() ? "" : "/").append(it.next());
            }
            return joined.toString();
        }

        private void start(XMLStreamReader reader) {
            if (++elements > limits.maxElements() || path.size() + 1 > limits.maxDepth()) {
                throw new KmehrException(KmehrException.Reason.TOO_LARGE, "the message is nested too deeply or too large");
            }
            String name = reader.getLocalName();
            int after = reader.getLocation().getCharacterOffset();
            if (path.isEmpty()) {
                if (!ROOT.equals(name) || !KmehrMessage.NAMESPACE.equals(reader.getNamespaceURI())) {
                    throw new KmehrException(KmehrException.Reason.NOT_KMEHR, "the root is not a KMEHR kmehrmessage");
                }
                int rootStart = startOf(reader, after);
                rootStartTag = text.substring(rootStart, text.indexOf('>', rootStart) + 1);
            } else if (reader.getNamespaceCount() > 0 && path.size() < 2) {
                // The header, the folder and the transactions are kept as verbatim slices and framed again by the root:
                // a prefix declared between the root and a slice would leave the slice unreadable on its own.
                throw new KmehrException(KmehrException.Reason.NOT_KMEHR,
                        "namespaces are declared on the kmehrmessage element, not on its header or folder");
            }
            path.push(name);
            leaf.setLength(0);
            attributeS = reader.getAttributeValue(null, "S");
            attributeSl = reader.getAttributeValue(null, "SL");
            String at = where();
            if (PATIENT.equals(at)) {
                patients++;
                patientStart = startOf(reader, after);
            } else if (TRANSACTION.equals(at)) {
                transaction = new TransactionBuilder(startOf(reader, after));
            } else if (at.endsWith("/hcparty") && (at.equals("kmehrmessage/header/sender/hcparty")
                    || at.equals(TRANSACTION + "/author/hcparty"))) {
                party = new PartyBuilder();
            }
        }

        private void end(XMLStreamReader reader) {
            String at = where();
            String value = leaf.toString().strip();
            int after = at.equals(PATIENT) ? endOf(reader, patientStart)
                    : at.equals(TRANSACTION) ? endOf(reader, transaction.start) : -1;
            switch (at) {
                case "kmehrmessage/header/standard/cd" -> standard = value;
                case "kmehrmessage/header/id" -> headerId = "ID-KMEHR".equals(attributeS) || headerId == null ? value : headerId;
                case "kmehrmessage/header/date" -> date = value;
                case "kmehrmessage/header/time" -> time = value;
                case "kmehrmessage/header/sender/hcparty", TRANSACTION + "/author/hcparty" -> {
                    if (transaction != null && at.startsWith(TRANSACTION)) {
                        transaction.authors.add(party.build());
                    } else {
                        senders.add(party.build());
                    }
                    party = null;
                }
                case PATIENT + "/id" -> patientIds.add(new KmehrId(attributeS, attributeSl, value));
                case PATIENT -> patientXml = text.substring(patientStart, after);
                case TRANSACTION + "/id" -> transaction.ids.add(new KmehrId(attributeS, attributeSl, value));
                case TRANSACTION + "/cd" -> {
                    if ("CD-TRANSACTION".equals(attributeS)) {
                        transaction.type = value;
                    }
                }
                case TRANSACTION + "/version" -> transaction.version = value;
                case TRANSACTION -> {
                    transactions.add(transaction.build(text, after));
                    transaction = null;
                }
                default -> {
                    if (party != null && at.endsWith("/hcparty/id")) {
                        party.ids.add(new KmehrId(attributeS, attributeSl, value));
                    } else if (party != null && at.endsWith("/hcparty/cd") && "CD-HCPARTY".equals(attributeS)) {
                        party.kinds.add(value);
                    }
                }
            }
            path.pop();
            leaf.setLength(0);
            attributeS = null;
            attributeSl = null;
        }

        private KmehrMessage validated() {
            if (blank(standard) || blank(headerId) || blank(date) || blank(time) || senders.isEmpty()) {
                throw new KmehrException(KmehrException.Reason.HEADER_INVALID,
                        "the header needs a standard, an id, a date, a time and a sender");
            }
            if (patients != 1) {
                throw new KmehrException(KmehrException.Reason.PATIENT_INVALID, "exactly one patient is required");
            }
            List<String> ssins = patientIds.stream().filter(id -> id.is("ID-PATIENT") || id.is("INSS"))
                    .map(KmehrId::value).distinct().toList();
            if (ssins.size() != 1 || !Ssin.isValid(ssins.get(0))) {
                throw new KmehrException(KmehrException.Reason.PATIENT_INVALID,
                        "the patient needs one SSIN (ID-PATIENT or INSS) with valid check digits");
            }
            for (Transaction t : transactions) {
                if (blank(t.type()) || t.authors().isEmpty()) {
                    throw new KmehrException(KmehrException.Reason.TRANSACTION_INVALID,
                            "every transaction needs a type (CD-TRANSACTION) and an author");
                }
            }
            return new KmehrMessage(text, rootStartTag, new Header(standard, headerId, date, time, senders),
                    Ssin.of(ssins.get(0)), patientXml, transactions);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    private static final class PartyBuilder {
        final List<KmehrId> ids = new ArrayList<>();
        final List<String> kinds = new ArrayList<>();

        Hcparty build() {
            return new Hcparty(ids, kinds);
        }
    }

    private static final class TransactionBuilder {
        final int start;
        final List<KmehrId> ids = new ArrayList<>();
        final List<Hcparty> authors = new ArrayList<>();
        String type;
        String version;

        TransactionBuilder(int start) {
            this.start = start;
        }

        Transaction build(String text, int end) {
            Optional<Long> parsed = Optional.empty();
            if (version != null) {
                if (!VERSION.matcher(version).matches()) {
                    throw new KmehrException(KmehrException.Reason.VERSION_INVALID, "a version is a positive whole number");
                }
                parsed = Optional.of(Long.parseLong(version));
            }
            return new Transaction(type, ids, authors, parsed, text.substring(start, end), start, end);
        }
    }
}
