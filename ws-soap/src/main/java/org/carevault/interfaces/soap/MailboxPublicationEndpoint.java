package org.carevault.interfaces.soap;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.Optional;
import org.apache.cxf.interceptor.InInterceptors;
import org.apache.cxf.interceptor.OutFaultInterceptors;
import org.carevault.application.access.PatientDirectory;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.domain.Caller;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.ObjectIds;
import org.carevault.ws.mailbox.v1.CareVaultFault;
import org.carevault.ws.mailbox.v1.MailboxPublicationPortType;
import org.carevault.ws.mailbox.v1.SendMessageRequest;
import org.carevault.ws.mailbox.v1.SendMessageResponse;
import org.jboss.ws.api.annotation.EndpointConfig;

/** sendMessage for medical software: the sealed message as base64, signed by the sender's certificate. */
@WebService(serviceName = "MailboxPublicationService", portName = "MailboxPublicationPort",
        targetNamespace = "urn:carevault:ws:mailbox:v1",
        endpointInterface = "org.carevault.ws.mailbox.v1.MailboxPublicationPortType",
        wsdlLocation = "WEB-INF/wsdl/mailbox-v1.wsdl")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "CareVault-Signed")
@InInterceptors(classes = SharedReplayInterceptor.class)
@OutFaultInterceptors(classes = FaultCodeInterceptor.class)
public class MailboxPublicationEndpoint implements MailboxPublicationPortType {

    @Resource
    private WebServiceContext context;

    @EJB
    private MailboxService mailbox;

    @EJB
    private PatientDirectory patients;

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            Caller caller = SoapCaller.of(context);
            if (request.getSealed() == null) {
                throw new CareVaultException(ErrorCode.SEALED_CONTENT_INVALID);
            }
            MailboxService.Sent sent = mailbox.send(caller, new MailboxService.Outgoing(request.getPublicationId(),
                    MailboxSoap.owners(request.getRecipient()), Boolean.TRUE.equals(request.isImportant()),
                    Boolean.TRUE.equals(request.isReceiptReceived()), Boolean.TRUE.equals(request.isReceiptRead()),
                    Optional.ofNullable(request.getPatientSsin()).map(ssin -> patients.resolve(caller, ssin)),
                    Optional.ofNullable(request.getInReplyTo()).map(ObjectIds::parse), request.getSealed()));
            SendMessageResponse response = new SendMessageResponse();
            response.setMessageId(sent.messageId().toString());
            response.setRepeated(sent.repeated());
            sent.absent().forEach(a -> response.getAbsent().add(MailboxSoap.absence(a)));
            return response;
        });
    }
}
