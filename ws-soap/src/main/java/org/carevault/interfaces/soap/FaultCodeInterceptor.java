package org.carevault.interfaces.soap;

import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.LogSafe;
import org.carevault.ws.common.v1.CareVaultError;
import org.carevault.ws.identity.v1.CareVaultFault;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Gives every fault a stable CareVault code and a caller-safe message: security failures become
 * CV-AUTH-005 (which check failed is only in the server log), unreadable requests CV-REQ-001, and
 * anything unexpected CV-SYS-001 with an incident id. Faults declared in the WSDL pass unchanged.
 */
public class FaultCodeInterceptor extends AbstractSoapInterceptor {

    private static final Logger LOG = Logger.getLogger(FaultCodeInterceptor.class);
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String COMMON_NS = "urn:carevault:ws:common:v1";

    public FaultCodeInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        if (!(exception instanceof Fault fault)) {
            return;
        }
        CareVaultError declared = declaredError(fault.getCause());
        if (declared != null) {
            // A refusal is the sender's problem (soap:Client); JAX-WS would call every declared fault soap:Server.
            ErrorCode code = ErrorCode.fromCode(declared.getCode());
            if (code.callersFault()) {
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            }
            return;
        }
        ErrorCode code = classify(fault);
        if (code == ErrorCode.INTERNAL) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf("CV-SYS-001 unexpected SOAP fault, incident %s: %s", incident, LogSafe.describe(fault));
        } else {
            // The caller only gets the code; the operator gets the check that failed (never message content).
            Throwable reason = rootCause(fault);
            LOG.infof("%s SOAP request refused: %s: %s", code.code(), reason.getClass().getSimpleName(),
                    LogSafe.mask(reason.getMessage()));
        }
        boolean securityCode = fault instanceof SoapFault soap && soap.getFaultCode() != null
                && WSSE.equals(soap.getFaultCode().getNamespaceURI());
        if (code != ErrorCode.INTERNAL && !securityCode) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
        fault.setMessage(code.code() + " " + code.title());
        fault.setDetail(null);
        Element detail = fault.getOrCreateDetail();
        Document document = detail.getOwnerDocument();
        Element error = document.createElementNS(COMMON_NS, "cv:CareVaultError");
        Element codeElement = document.createElementNS(COMMON_NS, "cv:Code");
        codeElement.setTextContent(code.code());
        Element messageElement = document.createElementNS(COMMON_NS, "cv:Message");
        messageElement.setTextContent(code.title());
        error.appendChild(codeElement);
        error.appendChild(messageElement);
        detail.appendChild(error);
    }

    /** The coded error of a fault declared in one of the WSDLs, or null. */
    private static CareVaultError declaredError(Throwable cause) {
        if (cause instanceof CareVaultFault identity) {
            return identity.getFaultInfo();
        }
        if (cause instanceof org.carevault.ws.consent.v1.CareVaultFault consent) {
            return consent.getFaultInfo();
        }
        if (cause instanceof org.carevault.ws.vault.v1.CareVaultFault vault) {
            return vault.getFaultInfo();
        }
        if (cause instanceof org.carevault.ws.mailbox.v1.CareVaultFault mailbox) {
            return mailbox.getFaultInfo();
        }
        return null;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static ErrorCode classify(Fault fault) {
        if (fault instanceof SoapFault soap && soap.getFaultCode() != null && WSSE.equals(soap.getFaultCode().getNamespaceURI())) {
            return ErrorCode.MESSAGE_SECURITY_INVALID;
        }
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (name.startsWith("org.apache.wss4j.") || name.equals("org.apache.cxf.ws.policy.PolicyException")
                    || cause instanceof GeneralSecurityException) {
                return ErrorCode.MESSAGE_SECURITY_INVALID;
            }
            if (cause instanceof XMLStreamException || name.startsWith("jakarta.xml.bind.")) {
                return ErrorCode.REQUEST_MALFORMED;
            }
        }
        String message = String.valueOf(fault.getMessage());
        if (message.contains("policy alternatives") || message.contains("Security")) {
            return ErrorCode.MESSAGE_SECURITY_INVALID;
        }
        return "Client".equals(fault.getFaultCode() == null ? null : fault.getFaultCode().getLocalPart())
                ? ErrorCode.REQUEST_MALFORMED : ErrorCode.INTERNAL;
    }
}
