package org.carevault.interfaces.soap.intrahub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.kmehr.KmehrParser;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * KMEHR between the contract's envelope and the hub's services: the {@code core:kmehrmessage} of a request becomes a
 * KMEHR message of its own (its bytes go to the hub's hardened KMEHR reader), and a KMEHR message of the hub becomes
 * the {@code core:kmehrmessage} of a response. DOM parsing here refuses DTDs and external entities.
 */
final class KmehrDom {

    private KmehrDom() {
    }

    /** The bytes of a {@code kmehrmessage} (KMEHR namespace) with the children of the contract's element. */
    static byte[] standalone(Element coreMessage) {
        Document document = newDocument();
        Element root = document.createElementNS(IntraHubMessages.KMEHR, "kmehrmessage");
        document.appendChild(root);
        for (Node child = coreMessage.getFirstChild(); child != null; child = child.getNextSibling()) {
            root.appendChild(document.importNode(child, true));
        }
        // KMEHR in the default namespace declared on the root, as the hub keeps it (each transaction a verbatim slice
        // framed by the root): generated clients write prefixes declared on the envelope.
        unprefix(root, true);
        document.normalizeDocument();
        return serialize(document);
    }

    private static void unprefix(Element element, boolean root) {
        if (IntraHubMessages.KMEHR.equals(element.getNamespaceURI())) {
            element.setPrefix(null);
        }
        if (!root) {
            for (int i = element.getAttributes().getLength() - 1; i >= 0; i--) {
                Node attribute = element.getAttributes().item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                    element.removeAttributeNode((Attr) attribute);
                }
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                unprefix(childElement, false);
            }
        }
    }

    /** The contract's {@code core:kmehrmessage} holding the children of a KMEHR message of the hub. */
    static Element embedded(String kmehr) {
        Document source = parse(kmehr.getBytes(StandardCharsets.UTF_8));
        Document document = newDocument();
        Element message = document.createElementNS(IntraHubMessages.CORE, "core:kmehrmessage");
        document.appendChild(message);
        for (Node child = source.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            message.appendChild(document.importNode(child, true));
        }
        return message;
    }

    /** The KMEHR child elements of {@code parent} named {@code localName}. */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent == null ? null : parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && IntraHubMessages.KMEHR.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The text of the first {@code id} or {@code cd} child with scheme {@code s}. */
    static Optional<String> coded(Element parent, String localName, String s) {
        return children(parent, localName).stream().filter(e -> s.equals(e.getAttribute("S")))
                .map(e -> e.getTextContent().trim()).findFirst();
    }

    static Document parse(byte[] xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID);
        }
    }

    /** An empty document of the hardened builder. */
    static Document newDocument() {
        return builder().newDocument();
    }

    private static DocumentBuilder builder() {
        return KmehrParser.documentBuilder(true);
    }

    private static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID);
        }
    }
}
