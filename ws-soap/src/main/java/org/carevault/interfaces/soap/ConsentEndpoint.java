package org.carevault.interfaces.soap;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.Optional;
import org.apache.cxf.interceptor.InInterceptors;
import org.apache.cxf.interceptor.OutFaultInterceptors;
import org.carevault.domain.ObjectIds;
import org.carevault.application.access.AccessCheckService;
import org.carevault.application.access.PatientDirectory;
import org.carevault.application.consent.ConsentService;
import org.carevault.application.consent.LinkRequest;
import org.carevault.application.consent.Registered;
import org.carevault.application.consent.TherapeuticLinkService;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Decision;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.LinkKind;
import org.carevault.domain.consent.PatientConsent;
import org.carevault.domain.consent.ProofType;
import org.carevault.ws.consent.v1.CareVaultFault;
import org.carevault.ws.consent.v1.CheckAccessRequest;
import org.carevault.ws.consent.v1.CheckAccessResponse;
import org.carevault.ws.consent.v1.ConsentPortType;
import org.carevault.ws.consent.v1.GetPatientConsentRequest;
import org.carevault.ws.consent.v1.GetPatientConsentResponse;
import org.carevault.ws.consent.v1.GetTherapeuticLinkRequest;
import org.carevault.ws.consent.v1.GetTherapeuticLinkResponse;
import org.carevault.ws.consent.v1.PutPatientConsentRequest;
import org.carevault.ws.consent.v1.PutPatientConsentResponse;
import org.carevault.ws.consent.v1.PutTherapeuticLinkRequest;
import org.carevault.ws.consent.v1.PutTherapeuticLinkResponse;
import org.carevault.ws.consent.v1.RevokePatientConsentRequest;
import org.carevault.ws.consent.v1.RevokePatientConsentResponse;
import org.carevault.ws.consent.v1.RevokeTherapeuticLinkRequest;
import org.carevault.ws.consent.v1.RevokeTherapeuticLinkResponse;
import org.jboss.ws.api.annotation.EndpointConfig;

/**
 * Consent and therapeutic relationships for medical software (eHealth operation names), and
 * CheckAccess. The patient travels as an SSIN in the signed body and becomes the patient reference
 * here; every operation then goes through the same services, and so the same decision point, as REST.
 */
@WebService(serviceName = "ConsentService", portName = "ConsentPort", targetNamespace = "urn:carevault:ws:consent:v1",
        endpointInterface = "org.carevault.ws.consent.v1.ConsentPortType", wsdlLocation = "WEB-INF/wsdl/consent-v1.wsdl")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "CareVault-Signed")
@InInterceptors(classes = SharedReplayInterceptor.class)
@OutFaultInterceptors(classes = FaultCodeInterceptor.class)
public class ConsentEndpoint implements ConsentPortType {

    @Resource
    private WebServiceContext context;

    @EJB
    private PatientDirectory directory;

    @EJB
    private ConsentService consents;

    @EJB
    private TherapeuticLinkService links;

    @EJB
    private AccessCheckService checks;

    /** One call: the caller from the signature, the patient from the SSIN, coded errors as faults. */
    private <T> T call(String ssin, SoapCalls.Action<T> action) throws CareVaultFault {
        try {
            return SoapCalls.forPatient(context, directory, ssin, action);
        } catch (CareVaultException e) {
            throw SoapFaults.consent(e);
        }
    }

    @Override
    public PutPatientConsentResponse putPatientConsent(PutPatientConsentRequest request) throws CareVaultFault {
        return call(request.getPatientSsin(), (caller, patient) -> {
            Registered<PatientConsent> registered = consents.put(caller, patient, Optional.of(proof(request.getProof())));
            PutPatientConsentResponse response = new PutPatientConsentResponse();
            response.setConsent(SoapViews.consent(Optional.of(registered.value())));
            response.setCreated(registered.created());
            return response;
        });
    }

    @Override
    public GetPatientConsentResponse getPatientConsent(GetPatientConsentRequest request) throws CareVaultFault {
        return call(request.getPatientSsin(), (caller, patient) -> {
            GetPatientConsentResponse response = new GetPatientConsentResponse();
            response.setConsent(SoapViews.consent(consents.get(caller, patient)));
            return response;
        });
    }

    @Override
    public RevokePatientConsentResponse revokePatientConsent(RevokePatientConsentRequest request) throws CareVaultFault {
        return call(request.getPatientSsin(), (caller, patient) -> {
            RevokePatientConsentResponse response = new RevokePatientConsentResponse();
            response.setConsent(SoapViews.consent(Optional.of(consents.revoke(caller, patient,
                    Optional.of(proof(request.getProof()))))));
            return response;
        });
    }

    @Override
    public PutTherapeuticLinkResponse putTherapeuticLink(PutTherapeuticLinkRequest request) throws CareVaultFault {
        return call(request.getPatientSsin(), (caller, patient) -> {
            LinkRequest linkRequest = new LinkRequest(LinkKind.valueOf(request.getKind().value()), proof(request.getProof()),
                    Optional.empty(), Optional.empty(), SoapViews.instant(request.getStart()), SoapViews.instant(request.getEnd()));
            var registered = links.put(caller, patient, linkRequest);
            PutTherapeuticLinkResponse response = new PutTherapeuticLinkResponse();
            response.setLink(SoapViews.link(registered.value()));
            response.setCreated(registered.created());
            return response;
        });
    }

    @Override
    public GetTherapeuticLinkResponse getTherapeuticLink(GetTherapeuticLinkRequest request) throws CareVaultFault {
        return call(request.getPatientSsin(), (caller, patient) -> {
            GetTherapeuticLinkResponse response = new GetTherapeuticLinkResponse();
            links.list(caller, patient).forEach(link -> response.getLink().add(SoapViews.link(link)));
            return response;
        });
    }

    @Override
    public RevokeTherapeuticLinkResponse revokeTherapeuticLink(RevokeTherapeuticLinkRequest request) throws CareVaultFault {
        return call(request.getPatientSsin(), (caller, patient) -> {
            RevokeTherapeuticLinkResponse response = new RevokeTherapeuticLinkResponse();
            response.setLink(SoapViews.link(links.revoke(caller, patient, ObjectIds.parse(request.getLinkId()))));
            return response;
        });
    }

    @Override
    public CheckAccessResponse checkAccess(CheckAccessRequest request) throws CareVaultFault {
        return call(request.getPatientSsin(), (caller, patient) -> {
            Decision decision = checks.check(caller, patient, choice(DataType.class, request.getDataType()),
                    choice(Operation.class, request.getOperation()), Optional.ofNullable(request.getBreakTheGlassReason()));
            CheckAccessResponse response = new CheckAccessResponse();
            response.setDecision(decision.code().name());
            response.setBasis(decision.basis().name());
            response.setBreakTheGlass(decision.breakTheGlass());
            return response;
        });
    }

    private static ProofType proof(org.carevault.ws.consent.v1.ProofType proof) {
        if (proof == null) {
            throw new CareVaultException(ErrorCode.PROOF_REQUIRED);
        }
        return ProofType.valueOf(proof.value());
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new CareVaultException(ErrorCode.REQUEST_INVALID);
    }

}
