package org.carevault.interfaces.soap;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import org.apache.cxf.interceptor.InInterceptors;
import org.apache.cxf.interceptor.OutFaultInterceptors;
import org.carevault.application.mailbox.EtkDirectory;
import org.carevault.domain.ObjectIds;
import org.carevault.ws.mailbox.v1.CareVaultFault;
import org.carevault.ws.mailbox.v1.Empty;
import org.carevault.ws.mailbox.v1.EtkDepotPortType;
import org.carevault.ws.mailbox.v1.GetEtkRequest;
import org.carevault.ws.mailbox.v1.GetEtkResponse;
import org.carevault.ws.mailbox.v1.PublishEtkRequest;
import org.carevault.ws.mailbox.v1.PublishEtkResponse;
import org.carevault.ws.mailbox.v1.RevokeEtkRequest;
import org.jboss.ws.api.annotation.EndpointConfig;

/** The key directory for medical software: publish one's encryption token, look tokens up, withdraw one's own. */
@WebService(serviceName = "EtkDepotService", portName = "EtkDepotPort", targetNamespace = "urn:carevault:ws:mailbox:v1",
        endpointInterface = "org.carevault.ws.mailbox.v1.EtkDepotPortType", wsdlLocation = "WEB-INF/wsdl/mailbox-v1.wsdl")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "CareVault-Signed")
@InInterceptors(classes = SharedReplayInterceptor.class)
@OutFaultInterceptors(classes = FaultCodeInterceptor.class)
public class EtkDepotEndpoint implements EtkDepotPortType {

    @Resource
    private WebServiceContext context;

    @EJB
    private EtkDirectory directory;

    @Override
    public PublishEtkResponse publishEtk(PublishEtkRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            PublishEtkResponse response = new PublishEtkResponse();
            response.setEtk(MailboxSoap.etk(directory.publish(SoapCaller.of(context),
                    request.getToken() == null ? new byte[0] : request.getToken())));
            return response;
        });
    }

    @Override
    public GetEtkResponse getEtk(GetEtkRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            SoapCaller.of(context);
            GetEtkResponse response = new GetEtkResponse();
            directory.lookup(MailboxSoap.owner(request.getOwner())).forEach(etk -> response.getEtk().add(MailboxSoap.etk(etk)));
            return response;
        });
    }

    @Override
    public Empty revokeEtk(RevokeEtkRequest request) throws CareVaultFault {
        return MailboxSoap.call(() -> {
            directory.revoke(SoapCaller.of(context), ObjectIds.parse(request.getId()));
            return new Empty();
        });
    }
}
