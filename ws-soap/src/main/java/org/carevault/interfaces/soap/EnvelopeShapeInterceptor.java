package org.carevault.interfaces.soap;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import java.util.HashSet;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.saaj.SAAJInInterceptor;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Refuses envelopes with the shapes of XML signature wrapping before WS-Security looks at them:
 * more than one Header or Body, anything else under the Envelope, or an element id used twice
 * (a signature reference must point at exactly one element, the one that is then executed).
 */
public class EnvelopeShapeInterceptor extends AbstractSoapInterceptor {

    static final QName INVALID_SECURITY = new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "InvalidSecurity", "wsse");
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private final SAAJInInterceptor saaj = new SAAJInInterceptor();

    public EnvelopeShapeInterceptor() {
        super(Phase.PRE_PROTOCOL);
        addBefore("org.apache.cxf.ws.security.wss4j.PolicyBasedWSS4JInInterceptor");
        addBefore("org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor");
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getContent(SOAPMessage.class) == null) {
            saaj.handleMessage(message);
        }
        SOAPMessage soap = message.getContent(SOAPMessage.class);
        try {
            Element envelope = soap.getSOAPPart().getEnvelope();
            checkEnvelopeChildren(envelope);
            checkUniqueIds(envelope, new HashSet<>());
        } catch (SOAPException e) {
            throw refused();
        }
    }

    private static void checkEnvelopeChildren(Element envelope) {
        int headers = 0;
        int bodies = 0;
        for (Node child = envelope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            boolean sameNamespace = envelope.getNamespaceURI().equals(child.getNamespaceURI());
            if (sameNamespace && "Header".equals(child.getLocalName()) && bodies == 0) {
                headers++;
            } else if (sameNamespace && "Body".equals(child.getLocalName())) {
                bodies++;
            } else {
                throw refused();
            }
        }
        if (headers > 1 || bodies != 1) {
            throw refused();
        }
    }

    private static void checkUniqueIds(Element element, Set<String> seen) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            boolean isId = "Id".equals(attribute.getLocalName())
                    && (attribute.getNamespaceURI() == null || WSU.equals(attribute.getNamespaceURI()));
            if (isId && !seen.add(attribute.getValue())) {
                throw refused();
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                checkUniqueIds((Element) child, seen);
            }
        }
    }

    private static SoapFault refused() {
        return new SoapFault("The message security could not be verified", INVALID_SECURITY);
    }
}
