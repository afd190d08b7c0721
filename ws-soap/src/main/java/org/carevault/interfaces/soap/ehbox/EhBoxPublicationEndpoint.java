package org.carevault.interfaces.soap.ehbox;

import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import org.apache.cxf.interceptor.InInterceptors;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.interfaces.soap.SecurityHeaderUnderstood;
import org.w3c.dom.Element;

/** eHealthBox v3 publication (sendMessage), as Belgian medical software calls eHealth's. */
@WebServiceProvider(serviceName = "ehBoxPublicationService", portName = "ehBoxPublicationPort",
        targetNamespace = EhBoxMessages.PUBLICATION)
@ServiceMode(Service.Mode.MESSAGE)
@BindingType(SOAPBinding.SOAP11HTTP_BINDING)
@InInterceptors(classes = SecurityHeaderUnderstood.class)
public class EhBoxPublicationEndpoint extends EhBoxEndpoint {

    @Override
    String namespace() {
        return EhBoxMessages.PUBLICATION;
    }

    @Override
    Object answer(String operation, Element payload, EhBoxOperations operations, SOAPMessage request) {
        if (!"SendMessage".equals(operation)) {
            throw new CareVaultException(ErrorCode.REQUEST_INVALID, "The publication service has sendMessage");
        }
        return operations.sendMessage(read(payload, EhBoxMessages.SendMessageRequest.class), attachments(request));
    }
}
