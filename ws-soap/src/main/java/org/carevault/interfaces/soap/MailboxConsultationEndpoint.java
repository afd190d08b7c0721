package org.carevault.interfaces.soap;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.cxf.interceptor.InInterceptors;
import org.apache.cxf.interceptor.OutFaultInterceptors;
import org.carevault.application.mailbox.BoxEntry.Folder;
import org.carevault.application.mailbox.BoxOwner;
import org.carevault.application.mailbox.MailboxService;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.ObjectIds;
import org.carevault.ws.mailbox.v1.Box;
import org.carevault.ws.mailbox.v1.BoxRequest;
import org.carevault.ws.mailbox.v1.CareVaultFault;
import org.carevault.ws.mailbox.v1.DeleteMessageRequest;
import org.carevault.ws.mailbox.v1.DeleteOoORequest;
import org.carevault.ws.mailbox.v1.Empty;
import org.carevault.ws.mailbox.v1.GetBoxInfoResponse;
import org.carevault.ws.mailbox.v1.GetFullMessageResponse;
import org.carevault.ws.mailbox.v1.GetMessageAcknowledgmentsStatusResponse;
import org.carevault.ws.mailbox.v1.GetMessageHistoryResponse;
import org.carevault.ws.mailbox.v1.GetMessagesListRequest;
import org.carevault.ws.mailbox.v1.GetMessagesListResponse;
import org.carevault.ws.mailbox.v1.GetOoOListResponse;
import org.carevault.ws.mailbox.v1.InsertOoORequest;
import org.carevault.ws.mailbox.v1.InsertOoOResponse;
import org.carevault.ws.mailbox.v1.MailboxConsultationPortType;
import org.carevault.ws.mailbox.v1.MessageIdRequest;
import org.carevault.ws.mailbox.v1.MoveMessageRequest;
import org.jboss.ws.api.annotation.EndpointConfig;

/** The caller's own box for medical software (eHealthBox consultation operations). */
@WebService(serviceName = "MailboxConsultationService", portName = "MailboxConsultationPort",
        targetNamespace = "urn:carevault:ws:mailbox:v1",
        endpointInterface = "org.carevault.ws.mailbox.v1.MailboxConsultationPortType",
        wsdlLocation = "WEB-INF/wsdl/mailbox-v1.wsdl")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "CareVault-Signed")
@InInterceptors(classes = SharedReplayInterceptor.class)
@OutFaultInterceptors(classes = FaultCodeInterceptor.class)
public class MailboxConsultationEndpoint implements MailboxConsultationPortType {

    @Resource
    private WebServiceContext context;

    @EJB
    private MailboxService mailbox;

    @Override
    public GetBoxInfoResponse getBoxInfo(BoxRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            MailboxService.BoxInfo info = mailbox.boxInfo(SoapCaller.of(context), onBehalfOf(request.getOnBehalfOf()));
            GetBoxInfoResponse response = new GetBoxInfoResponse();
            response.setBox(MailboxSoap.box(info.box()));
            response.setUsedBytes(info.usedBytes());
            response.setQuotaBytes(info.quotaBytes());
            response.setUnread(info.unread());
            response.setWaiting(info.waiting());
            return response;
        });
    }

    @Override
    public GetMessagesListResponse getMessagesList(GetMessagesListRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            GetMessagesListResponse response = new GetMessagesListResponse();
            mailbox.list(SoapCaller.of(context), onBehalfOf(request.getOnBehalfOf()), folder(request.getFolder()),
                    request.getOffset() == null ? 0 : request.getOffset(), request.getLimit() == null ? 50 : request.getLimit())
                    .forEach(m -> response.getMessage().add(MailboxSoap.message(m)));
            return response;
        });
    }

    @Override
    public GetFullMessageResponse getFullMessage(MessageIdRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            MailboxService.Full full = mailbox.fetch(SoapCaller.of(context), onBehalfOf(request.getOnBehalfOf()),
                    ObjectIds.parse(request.getMessageId()));
            GetFullMessageResponse response = new GetFullMessageResponse();
            response.setMessage(MailboxSoap.message(full.message()));
            response.setSealed(full.sealed());
            return response;
        });
    }

    @Override
    public Empty sendReadReceipt(MessageIdRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            mailbox.markRead(SoapCaller.of(context), onBehalfOf(request.getOnBehalfOf()), ObjectIds.parse(request.getMessageId()));
            return new Empty();
        });
    }

    @Override
    public Empty moveMessage(MoveMessageRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            mailbox.move(SoapCaller.of(context), onBehalfOf(request.getOnBehalfOf()), ids(request.getMessageId()),
                    folder(request.getFolder()));
            return new Empty();
        });
    }

    @Override
    public Empty deleteMessage(DeleteMessageRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            mailbox.delete(SoapCaller.of(context), onBehalfOf(request.getOnBehalfOf()), ids(request.getMessageId()));
            return new Empty();
        });
    }

    @Override
    public GetMessageAcknowledgmentsStatusResponse getMessageAcknowledgmentsStatus(MessageIdRequest request)
            throws CareVaultFault {
        return MailboxSoap.call(() -> {
            UUID id = ObjectIds.parse(request.getMessageId());
            GetMessageAcknowledgmentsStatusResponse response = new GetMessageAcknowledgmentsStatusResponse();
            mailbox.acknowledgements(SoapCaller.of(context), onBehalfOf(request.getOnBehalfOf()), id)
                    .forEach(ack -> response.getAcknowledgment().add(MailboxSoap.acknowledgment(id, ack)));
            return response;
        });
    }

    @Override
    public GetMessageHistoryResponse getMessageHistory(MessageIdRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            GetMessageHistoryResponse response = new GetMessageHistoryResponse();
            mailbox.history(SoapCaller.of(context), onBehalfOf(request.getOnBehalfOf()), ObjectIds.parse(request.getMessageId()))
                    .forEach(m -> response.getMessage().add(MailboxSoap.message(m)));
            return response;
        });
    }

    @Override
    public InsertOoOResponse insertOoO(InsertOoORequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            InsertOoOResponse response = new InsertOoOResponse();
            response.setOutOfOffice(MailboxSoap.outOfOffice(mailbox.insertOutOfOffice(SoapCaller.of(context),
                    SoapViews.instant(request.getFrom()).orElse(null), SoapViews.instant(request.getUntil()).orElse(null),
                    MailboxSoap.owners(request.getSubstitute()))));
            return response;
        });
    }

    @Override
    public GetOoOListResponse getOoOList(Empty request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            GetOoOListResponse response = new GetOoOListResponse();
            mailbox.outOfOffice(SoapCaller.of(context)).forEach(a -> response.getOutOfOffice().add(MailboxSoap.outOfOffice(a)));
            return response;
        });
    }

    @Override
    public Empty deleteOoO(DeleteOoORequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            mailbox.deleteOutOfOffice(SoapCaller.of(context), ObjectIds.parse(request.getId()));
            return new Empty();
        });
    }

    private static Optional<BoxOwner> onBehalfOf(
            Box box) {
        return Optional.ofNullable(box).map(MailboxSoap::owner);
    }

    private static Folder folder(String name) {
        for (Folder folder : Folder.values()) {
            if (folder.name().equals(name)) {
                return folder;
            }
        }
        throw new CareVaultException(ErrorCode.REQUEST_INVALID, "Folder is INBOX, SENTBOX, BININBOX or BINSENTBOX");
    }

    private static List<UUID> ids(List<String> ids) {
        if (ids.size() > MailboxService.MAX_IDS) {
            throw new CareVaultException(ErrorCode.TOO_MANY_IDS);
        }
        return ids.stream().map(ObjectIds::parse).toList();
    }
}
