package org.carevault.interfaces.soap;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import org.apache.cxf.interceptor.InInterceptors;
import org.apache.cxf.interceptor.OutFaultInterceptors;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.Caller;
import org.carevault.ws.identity.v1.CareVaultFault;
import org.carevault.ws.identity.v1.IdentityPortType;
import org.carevault.ws.identity.v1.WhoAmIRequest;
import org.carevault.ws.identity.v1.WhoAmIResponse;
import org.jboss.ws.api.annotation.EndpointConfig;

/** WhoAmI: tells medical software which identity the hub reads from its signing certificate. */
@WebService(serviceName = "IdentityService", portName = "IdentityPort", targetNamespace = "urn:carevault:ws:identity:v1",
        endpointInterface = "org.carevault.ws.identity.v1.IdentityPortType",
        wsdlLocation = "WEB-INF/wsdl/identity-v1.wsdl")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "CareVault-Signed")
@InInterceptors(classes = SharedReplayInterceptor.class)
@OutFaultInterceptors(classes = FaultCodeInterceptor.class)
public class IdentityEndpoint implements IdentityPortType {

    @Resource
    private WebServiceContext context;

    @Override
    public WhoAmIResponse whoAmI(WhoAmIRequest request) throws CareVaultFault {
        try {
            Caller caller = SoapCaller.of(context);
            WhoAmIResponse response = new WhoAmIResponse();
            response.setPartyType(caller.id().type());
            response.setPartyId(caller.id().value());
            response.setRole(caller.role().roleName());
            response.setNihii(caller.nihii().map(n -> n.value()).orElse(null));
            response.setDisplayName(caller.displayName());
            response.setChannel(caller.channel().name());
            return response;
        } catch (CareVaultException e) {
            throw SoapFaults.identity(e);
        }
    }
}
