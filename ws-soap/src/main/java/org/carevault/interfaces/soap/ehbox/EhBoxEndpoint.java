package org.carevault.interfaces.soap.ehbox;

import jakarta.ejb.EJB;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.soap.AttachmentPart;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.LogSafe;
import org.carevault.interfaces.soap.EHealthSoap;
import org.jboss.logging.Logger;
import org.w3c.dom.Element;

/**
 * What the two eHealthBox v3 endpoints share: the caller authenticated by a SAML holder-of-key assertion, the
 * request read with the hub's JAXB model (SOAP with attachments accepted: a {@code cid:} reference is resolved to its
 * part), and every refusal as the contract's fault, a {@code BusinessError} (the caller's error) or
 * {@code SystemError} (the hub's) carrying the hub's code; nothing of the hub's internals reaches the caller.
 */
abstract class EhBoxEndpoint implements Provider<SOAPMessage> {

    static final JAXBContext JAXB = context();
    private static final Logger LOG = Logger.getLogger(EhBoxEndpoint.class);
    private static final String ENVIRONMENT = System.getProperty("carevault.ehbox.environment", "Production");

    @EJB
    MailboxService mailbox;

    /** The answer to one request element, in the endpoint's protocol namespace. */
    abstract Object answer(String operation, Element payload, EhBoxOperations operations, SOAPMessage request);

    /** The protocol namespace of the endpoint's requests and responses. */
    abstract String namespace();

    @Override
    public SOAPMessage invoke(SOAPMessage request) {
        try {
            Caller caller = EHealthSoap.authenticated(request);
            Element payload = EHealthSoap.element(request);
            String name = payload.getLocalName();
            if (!namespace().equals(payload.getNamespaceURI()) || !name.endsWith("Request")) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID);
            }
            String operation = name.substring(0, name.length() - "Request".length());
            Object answer = answer(operation, payload, new EhBoxOperations(caller, mailbox, JAXB), request);
            return message(new QName(namespace(), operation + "Response"), answer);
        } catch (CareVaultException e) {
            throw fault(e.errorCode(), e.detail(), null);
        } catch (SOAPFaultException e) {
            throw e;
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf("CV-SYS-001 unexpected eHealthBox failure, incident %s: %s", incident, LogSafe.describe(e));
            throw fault(ErrorCode.INTERNAL, null, incident);
        }
    }

    /** The request in the hub's model; one that does not fit it is bad input (nothing is done). */
    static <T> T read(Element payload, Class<T> type) {
        try {
            return JAXB.createUnmarshaller().unmarshal(payload, type).getValue();
        } catch (JAXBException | IllegalArgumentException e) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The request does not fit the contract");
        }
    }

    /** Resolves a {@code cid:} reference (swaRef) to the bytes of the attachment it names. */
    static Function<String, byte[]> attachments(SOAPMessage request) {
        return reference -> {
            String id = reference == null ? "" : reference.trim();
            if (!id.startsWith("cid:")) {
                throw new CareVaultException(ErrorCode.REQUEST_INVALID, "An attachment is referenced by cid:");
            }
            String wanted = java.net.URLDecoder.decode(id.substring(4), java.nio.charset.StandardCharsets.UTF_8);
            for (Iterator<AttachmentPart> parts = request.getAttachments(); parts.hasNext();) {
                AttachmentPart part = parts.next();
                String contentId = part.getContentId() == null ? "" : part.getContentId().replaceAll("^<|>$", "");
                if (contentId.equals(wanted)) {
                    try (InputStream in = part.getRawContent()) {
                        long limit = MailboxService.MAX_MESSAGE_BYTES + 1;
                        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
                        if (bytes.length >= limit) {
                            throw new CareVaultException(ErrorCode.MESSAGE_TOO_LARGE);
                        }
                        return bytes;
                    } catch (SOAPException | IOException e) {
                        throw new CareVaultException(ErrorCode.REQUEST_MALFORMED);
                    }
                }
            }
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "No attachment of that Content-ID");
        };
    }

    private static SOAPMessage message(QName name, Object answer) {
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            @SuppressWarnings({"unchecked", "rawtypes"})
            JAXBElement<?> element = new JAXBElement(name, answer.getClass(), answer);
            JAXB.createMarshaller().marshal(element, message.getSOAPBody());
            message.saveChanges();
            return message;
        } catch (JAXBException | SOAPException e) {
            throw fault(ErrorCode.INTERNAL, null, null);
        }
    }

    /** The contract's fault: BusinessError for the caller's errors, SystemError for the hub's, with the hub's code. */
    static SOAPFaultException fault(ErrorCode code, String detail, String incident) {
        try {
            boolean system = code.kind() == ErrorCode.Kind.SYSTEM;
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            SOAPFault fault = message.getSOAPBody().addFault();
            fault.setFaultCode(new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, system ? "Server" : "Client", "soap"));
            fault.setFaultString(code.code() + " " + code.title());
            EhBoxMessages.Fault error = new EhBoxMessages.Fault();
            error.origin = system ? "provider" : "consumer";
            error.code = code.code();
            error.messages.add(detail == null ? code.title() : code.title() + ": " + detail);
            error.retry = system ? Boolean.TRUE : null;
            error.environment = ENVIRONMENT;
            error.id = incident;
            Detail holder = fault.addDetail();
            JAXB.createMarshaller().marshal(new JAXBElement<>(new QName(EhBoxMessages.ERRORS,
                    system ? "SystemError" : "BusinessError", "soa"), EhBoxMessages.Fault.class, error), holder);
            return new SOAPFaultException(fault);
        } catch (SOAPException | JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(EhBoxMessages.SendMessageRequest.class, EhBoxMessages.SendMessageResponse.class,
                    EhBoxMessages.ConsultationRequest.class, EhBoxMessages.Response.class, EhBoxMessages.ContentContext.class,
                    EhBoxMessages.Summary.class, EhBoxMessages.Fault.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the eHealthBox model cannot be bound", e);
        }
    }
}
