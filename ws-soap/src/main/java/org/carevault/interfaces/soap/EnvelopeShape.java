package org.carevault.interfaces.soap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A streaming check of a SOAP envelope's shape before anything else reads it. It refuses what
 * XML signature wrapping needs: a second Header or Body, other elements beside them, an element
 * id used twice (a signature reference must point at exactly one element, the one executed), a
 * SOAP Envelope, Header or Body anywhere but in its place (a signed Body moved into the Security
 * header, another header block or after the Body), and, in a signed message, a Body that is not
 * the element the signature references: the Body acted on must be the Body signed, by position
 * as well as by id. It also refuses any DOCTYPE, so that no entity is ever declared, let alone expanded.
 */
final class EnvelopeShape {

    enum Verdict { OK, MALFORMED, WRAPPING }

    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final Set<String> SOAP_NS = Set.of("http://schemas.xmlsoap.org/soap/envelope/",
            "http://www.w3.org/2003/05/soap-envelope");
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final int MAX_DEPTH = 100;
    private static final XMLInputFactory FACTORY = createFactory();

    private EnvelopeShape() {
    }

    /**
     * The envelope of a request: the body itself, or for SOAP with attachments ({@code multipart/related}, as
     * eHealthBox clients send even without attachment) its root part — the one its {@code start} parameter names, or
     * the first. A package that cannot be read yields no bytes, which {@link #check} finds malformed.
     */
    static byte[] rootPart(byte[] body, String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
            return body;
        }
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            return new byte[0];
        }
        String start = parameter(contentType, "start");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headers = at + delimiter.length;
            if (headers + 1 < body.length && body[headers] == '-' && body[headers + 1] == '-') {
                break;  // the closing delimiter
            }
            int content = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headers);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headers);
            if (content < 0 || next < 0 || content > next) {
                return new byte[0];
            }
            String head = new String(body, headers, content - headers, StandardCharsets.ISO_8859_1);
            if (start == null || head.toLowerCase(Locale.ROOT).contains("content-id: " + start.toLowerCase(Locale.ROOT))
                    || head.toLowerCase(Locale.ROOT).contains("content-id:" + start.toLowerCase(Locale.ROOT))) {
                return Arrays.copyOfRange(body, content + 4, next);
            }
            at = next + 2;
        }
        return new byte[0];
    }

    /** A parameter of a MIME type, unquoted; null when absent. */
    private static String parameter(String contentType, String name) {
        for (String part : contentType.split(";")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase(name)) {
                String value = pair[1].trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static Verdict check(byte[] message) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(message));
            return check(reader);
        } catch (XMLStreamException | RuntimeException e) {
            return Verdict.MALFORMED;
        } finally {
            close(reader);
        }
    }

    private static Verdict check(XMLStreamReader reader) throws XMLStreamException {
        int depth = 0;
        int headers = 0;
        int bodies = 0;
        boolean envelopeSeen = false;
        Set<String> ids = new HashSet<>();
        Set<String> referenced = new HashSet<>();  // the signature's references, met in the header before the Body
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                return Verdict.MALFORMED;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            if (depth > MAX_DEPTH) {
                return Verdict.MALFORMED;
            }
            // Unqualified elements are legitimate (eHealthBox writes its messages' fields so): no namespace is not SOAP's.
            String namespace = reader.getNamespaceURI();
            boolean soap = namespace != null && SOAP_NS.contains(namespace);
            if (depth == 1) {
                if (envelopeSeen || !soap || !"Envelope".equals(reader.getLocalName())) {
                    return Verdict.MALFORMED;
                }
                envelopeSeen = true;
            } else if (depth == 2) {
                if (soap && "Header".equals(reader.getLocalName()) && bodies == 0) {
                    headers++;
                } else if (soap && "Body".equals(reader.getLocalName())) {
                    bodies++;
                } else {
                    return Verdict.WRAPPING;
                }
                if (headers > 1 || bodies > 1) {
                    return Verdict.WRAPPING;
                }
                if (bodies == 1 && !referenced.isEmpty() && !referenced.contains(idOf(reader))) {
                    return Verdict.WRAPPING;  // signed, but not this Body
                }
            } else if (soap && Set.of("Envelope", "Header", "Body").contains(reader.getLocalName())) {
                return Verdict.WRAPPING;
            }
            if (DSIG.equals(reader.getNamespaceURI()) && "Reference".equals(reader.getLocalName())) {
                String uri = reader.getAttributeValue(null, "URI");
                if (uri != null && uri.startsWith("#")) {
                    referenced.add(uri.substring(1));
                }
            }
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                if (isId(reader, i) && !ids.add(reader.getAttributeValue(i))) {
                    return Verdict.WRAPPING;
                }
            }
        }
        return envelopeSeen && bodies == 1 ? Verdict.OK : Verdict.MALFORMED;
    }

    /** Whether attribute {@code i} is an element id: {@code wsu:Id} or an unqualified {@code Id}. */
    private static boolean isId(XMLStreamReader reader, int i) {
        String namespace = reader.getAttributeNamespace(i);
        return "Id".equals(reader.getAttributeLocalName(i)) && (namespace == null || namespace.isEmpty() || WSU.equals(namespace));
    }

    /** The element's id, or an empty string. */
    private static String idOf(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (isId(reader, i)) {
                return reader.getAttributeValue(i);
            }
        }
        return "";
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows the JAXP property; SUPPORT_DTD=false already applies
        }
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the byte array
            }
        }
    }
}
