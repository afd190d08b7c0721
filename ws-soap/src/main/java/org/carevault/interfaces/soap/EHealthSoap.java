package org.carevault.interfaces.soap;

import jakarta.xml.soap.Detail;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.soap.SOAPFaultException;
import javax.xml.namespace.QName;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the endpoints of the eHealth contracts share: the caller authenticated by a SAML holder-of-key assertion, the
 * one element of the Body, and coded SOAP faults for what the contract answers with a fault (a request that cannot
 * be authenticated or read).
 */
public final class EHealthSoap {

    private static volatile HolderOfKeyAuthenticator authenticator;

    private EHealthSoap() {
    }

    /** The caller of a request, or a coded fault. */
    public static Caller caller(SOAPMessage request) {
        try {
            return authenticated(request);
        } catch (CareVaultException e) {
            throw fault(e.errorCode());
        }
    }

    /** The caller of a request, or the coded refusal (for contracts that write their faults their own way). */
    public static Caller authenticated(SOAPMessage request) {
        return authenticator().authenticate(request.getSOAPPart());
    }

    /** The one element in the Body, or a coded fault. */
    public static Element payload(SOAPMessage request) {
        try {
            return element(request);
        } catch (CareVaultException e) {
            throw fault(e.errorCode());
        }
    }

    /** The one element in the Body, or the coded refusal. */
    public static Element element(SOAPMessage request) {
        try {
            Element payload = null;
            for (Node node = request.getSOAPBody().getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    if (payload != null) {
                        throw new CareVaultException(ErrorCode.REQUEST_INVALID);
                    }
                    payload = element;
                }
            }
            if (payload == null) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID);
            }
            return payload;
        } catch (SOAPException e) {
            throw new CareVaultException(ErrorCode.REQUEST_MALFORMED);
        }
    }

    /** A SOAP 1.1 fault with the hub's code: Client for the caller's errors, Server for the hub's. */
    public static SOAPFaultException fault(ErrorCode code) {
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            SOAPFault fault = message.getSOAPBody().addFault();
            fault.setFaultCode(new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE,
                    code.kind() == ErrorCode.Kind.SYSTEM ? "Server" : "Client", "soap"));
            fault.setFaultString(code.code() + " " + code.title());
            Detail detail = fault.addDetail();
            Element error = (Element) detail.appendChild(detail.getOwnerDocument()
                    .createElementNS("urn:carevault:ws:common:v1", "cv:CareVaultError"));
            error.appendChild(detail.getOwnerDocument().createElementNS("urn:carevault:ws:common:v1", "cv:Code"))
                    .setTextContent(code.code());
            error.appendChild(detail.getOwnerDocument().createElementNS("urn:carevault:ws:common:v1", "cv:Message"))
                    .setTextContent(code.title());
            return new SOAPFaultException(fault);
        } catch (SOAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HolderOfKeyAuthenticator authenticator() {
        HolderOfKeyAuthenticator found = authenticator;
        if (found == null) {
            synchronized (EHealthSoap.class) {
                found = authenticator;
                if (found == null) {
                    found = HolderOfKeyAuthenticator.fromConfiguration();
                    authenticator = found;
                }
            }
        }
        return found;
    }
}
