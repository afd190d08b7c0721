package org.carevault.interfaces.soap.ehbox;

import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.util.Set;
import org.apache.cxf.interceptor.InInterceptors;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.interfaces.soap.SecurityHeaderUnderstood;
import org.w3c.dom.Element;

/** eHealthBox v3 consultation: the eleven operations of the contract, each on the hub's mailbox. */
@WebServiceProvider(serviceName = "ehBoxConsultationService", portName = "ehBoxConsultationPort",
        targetNamespace = EhBoxMessages.CONSULTATION)
@ServiceMode(Service.Mode.MESSAGE)
@BindingType(SOAPBinding.SOAP11HTTP_BINDING)
@InInterceptors(classes = SecurityHeaderUnderstood.class)
public class EhBoxConsultationEndpoint extends EhBoxEndpoint {

    /** The operations of the contract (ehBoxConsultation-v3.wsdl), by their request element's name. */
    public static final Set<String> CONTRACT = Set.of("GetBoxInfo", "GetMessagesList", "GetAllEhboxesMessagesList",
            "GetFullMessage", "MoveMessage", "DeleteMessage", "GetHistory", "GetMessageAcknowledgmentsStatus",
            "InsertOoO", "DeleteOoO", "GetOoOList");

    @Override
    String namespace() {
        return EhBoxMessages.CONSULTATION;
    }

    @Override
    Object answer(String operation, Element payload, EhBoxOperations operations, SOAPMessage request) {
        EhBoxMessages.ConsultationRequest asked = read(payload, EhBoxMessages.ConsultationRequest.class);
        return switch (operation) {
            case "GetBoxInfo" -> operations.getBoxInfo(asked);
            case "GetMessagesList" -> operations.getMessagesList(asked);
            case "GetAllEhboxesMessagesList" -> operations.getAllEhboxesMessagesList(asked);
            case "GetFullMessage" -> operations.getFullMessage(asked);
            case "MoveMessage" -> operations.moveMessage(asked);
            case "DeleteMessage" -> operations.deleteMessage(asked);
            case "GetHistory" -> operations.getHistory(asked);
            case "GetMessageAcknowledgmentsStatus" -> operations.getMessageAcknowledgmentsStatus(asked);
            case "InsertOoO" -> operations.insertOoO(asked);
            case "DeleteOoO" -> operations.deleteOoO(asked);
            case "GetOoOList" -> operations.getOoOList(asked);
            default -> throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Not an operation of the consultation service");
        };
    }
}
