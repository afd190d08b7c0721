package org.carevault.interfaces.soap.intrahub;

import jakarta.ejb.EJB;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.Set;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.apache.cxf.interceptor.InInterceptors;
import org.carevault.application.access.PatientDirectory;
import org.carevault.application.consent.ConsentService;
import org.carevault.application.consent.TherapeuticLinkService;
import org.carevault.application.mailbox.HubEncryption;
import org.carevault.application.trail.AuditTrailService;
import org.carevault.application.vault.MedicationSchemeService;
import org.carevault.application.vault.SumehrService;
import org.carevault.application.vault.VaccinationService;
import org.carevault.domain.Caller;
import org.carevault.domain.ErrorCode;
import org.carevault.domain.LogSafe;
import org.carevault.interfaces.soap.EHealthSoap;
import org.carevault.interfaces.soap.SecurityHeaderUnderstood;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.AnyRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Answer;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.Asked;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetLatestUpdateRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.GetTransactionSetRequest;
import org.carevault.interfaces.soap.intrahub.IntraHubMessages.PutTransactionSetRequest;
import org.jboss.logging.Logger;
import org.w3c.dom.Element;

/**
 * IntraHub v3 as Belgian medical software calls Vitalink: SOAP 1.1, a SAML holder-of-key assertion in WS-Security,
 * the operation told by the Body's element (clients send an empty SOAPAction). Each request is authenticated
 * ({@link EHealthSoap#caller}: a coded SOAP fault when it cannot be), read with the hub's JAXB model, and answered by
 * {@link IntraHubOperations} through the same services, and so the same access decision and audit, as every other
 * entry path. Business refusals and bad input are {@code acknowledge} errors, as the contract has no faults; the
 * operations of the contract the hub does not offer answer {@code CV-REQ-009}.
 */
@WebServiceProvider(serviceName = "IntraHubService", portName = "IntraHubPort",
        targetNamespace = "http://www.ehealth.fgov.be/intrahub/protocol/v3")
@ServiceMode(Service.Mode.MESSAGE)
@BindingType(SOAPBinding.SOAP11HTTP_BINDING)
@InInterceptors(classes = SecurityHeaderUnderstood.class)
public class IntraHubEndpoint implements Provider<SOAPMessage> {

    /** The 26 operations of the contract (IntraHubService.wsdl, hubservices 3.5). */
    public static final Set<String> CONTRACT = Set.of("DeclareTransaction", "PutTransaction", "RevokeTransaction",
            "GetTransactionList", "GetTransaction", "RequestPublication", "PutHCParty", "GetHCParty", "PutPatient",
            "GetPatient", "PutHCPartyConsent", "GetHCPartyConsent", "RevokeHCPartyConsent", "PutPatientConsent",
            "GetPatientConsent", "RevokePatientConsent", "PutTherapeuticLink", "GetTherapeuticLink",
            "RevokeTherapeuticLink", "PutAccessRight", "GetAccessRight", "RevokeAccessRight", "GetPatientAuditTrail",
            "PutTransactionSet", "GetTransactionSet", "GetLatestUpdate");

    private static final Logger LOG = Logger.getLogger(IntraHubEndpoint.class);
    private static final JAXBContext JAXB = context();

    @EJB
    private PatientDirectory directory;

    @EJB
    private MedicationSchemeService schemes;

    @EJB
    private SumehrService sumehrs;

    @EJB
    private VaccinationService vaccinations;

    @EJB
    private ConsentService consents;

    @EJB
    private AuditTrailService trails;

    @EJB
    private TherapeuticLinkService links;

    @EJB
    private HubEncryption hub;

    @Override
    public SOAPMessage invoke(SOAPMessage request) {
        try {
            return answer(request);
        } catch (SOAPFaultException e) {
            throw e;
        } catch (RuntimeException e) {
            // Nothing of the hub's internals reaches the caller: a code and an incident id for the operator's log.
            String incident = UUID.randomUUID().toString();
            LOG.errorf("CV-SYS-001 unexpected IntraHub failure, incident %s: %s", incident, LogSafe.describe(e));
            throw EHealthSoap.fault(ErrorCode.INTERNAL);
        }
    }

    private SOAPMessage answer(SOAPMessage request) {
        Caller caller = EHealthSoap.caller(request);
        Element payload = EHealthSoap.payload(request);
        String name = payload.getLocalName();
        if (!IntraHubMessages.PROTOCOL.equals(payload.getNamespaceURI()) || !name.endsWith("Request")
                || !CONTRACT.contains(name.substring(0, name.length() - "Request".length()))) {
            throw EHealthSoap.fault(ErrorCode.REQUEST_INVALID);
        }
        String operation = name.substring(0, name.length() - "Request".length());
        IntraHubOperations operations = new IntraHubOperations(caller, directory, schemes, sumehrs, vaccinations, trails, hub);
        ConsentOperations consent = new ConsentOperations(caller, directory, consents, links);
        Answer answer = switch (operation) {
            case "PutTransactionSet" -> operations.putTransactionSet(read(payload, PutTransactionSetRequest.class));
            case "GetTransactionSet" -> operations.getTransactionSet(read(payload, GetTransactionSetRequest.class));
            case "GetLatestUpdate" -> operations.getLatestUpdate(read(payload, GetLatestUpdateRequest.class));
            case "PutTransaction" -> operations.putTransaction(read(payload, IntraHubMessages.PutTransactionRequest.class));
            case "GetTransactionList" ->
                operations.getTransactionList(read(payload, IntraHubMessages.GetTransactionListRequest.class));
            case "GetTransaction" -> operations.getTransaction(read(payload, IntraHubMessages.GetTransactionRequest.class));
            case "RevokeTransaction" ->
                operations.revokeTransaction(read(payload, IntraHubMessages.RevokeTransactionRequest.class));
            case "GetPatientAuditTrail" ->
                operations.getPatientAuditTrail(read(payload, IntraHubMessages.GetPatientAuditTrailRequest.class));
            case "PutPatientConsent" -> consent.putPatientConsent(read(payload, IntraHubMessages.PutPatientConsentRequest.class));
            case "GetPatientConsent" -> consent.getPatientConsent(read(payload, IntraHubMessages.GetPatientConsentRequest.class));
            case "RevokePatientConsent" ->
                consent.revokePatientConsent(read(payload, IntraHubMessages.RevokePatientConsentRequest.class));
            case "PutTherapeuticLink" ->
                consent.putTherapeuticLink(read(payload, IntraHubMessages.PutTherapeuticLinkRequest.class));
            case "GetTherapeuticLink" ->
                consent.getTherapeuticLink(read(payload, IntraHubMessages.GetTherapeuticLinkRequest.class));
            case "RevokeTherapeuticLink" ->
                consent.revokeTherapeuticLink(read(payload, IntraHubMessages.RevokeTherapeuticLinkRequest.class));
            default -> operations.notSupported(read(payload, AnyRequest.class));
        };
        @SuppressWarnings("unchecked")
        Class<Answer> type = (Class<Answer>) answer.getClass();  // the declared type is the actual one: no xsi:type
        return message(new JAXBElement<>(new QName(IntraHubMessages.PROTOCOL, operation + "Response"), type, answer));
    }

    /** The request in the hub's model; one that does not fit it is a coded fault (nothing is done). */
    private static <T extends Asked> T read(Element payload, Class<T> type) {
        try {
            T request = JAXB.createUnmarshaller().unmarshal(payload, type).getValue();
            if (request.request == null) {
                throw EHealthSoap.fault(ErrorCode.REQUEST_INVALID);
            }
            return request;
        } catch (JAXBException | IllegalArgumentException e) {
            throw EHealthSoap.fault(ErrorCode.REQUEST_INVALID);
        }
    }

    private static SOAPMessage message(JAXBElement<Answer> answer) {
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            Marshaller marshaller = JAXB.createMarshaller();
            marshaller.marshal(answer, message.getSOAPBody());
            message.saveChanges();
            return message;
        } catch (JAXBException | SOAPException e) {
            throw EHealthSoap.fault(ErrorCode.INTERNAL);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(IntraHubMessages.PutTransactionSetRequest.class,
                    IntraHubMessages.PutTransactionSetResponse.class, IntraHubMessages.GetTransactionSetRequest.class,
                    IntraHubMessages.GetTransactionSetResponse.class, IntraHubMessages.GetLatestUpdateRequest.class,
                    IntraHubMessages.GetLatestUpdateResponse.class, IntraHubMessages.PutTransactionRequest.class,
                    IntraHubMessages.PutTransactionResponse.class, IntraHubMessages.GetTransactionListRequest.class,
                    IntraHubMessages.GetTransactionListResponse.class, IntraHubMessages.GetTransactionRequest.class,
                    IntraHubMessages.GetTransactionResponse.class, IntraHubMessages.RevokeTransactionRequest.class,
                    IntraHubMessages.PutPatientConsentRequest.class, IntraHubMessages.GetPatientConsentRequest.class,
                    IntraHubMessages.GetPatientConsentResponse.class, IntraHubMessages.RevokePatientConsentRequest.class,
                    IntraHubMessages.PutTherapeuticLinkRequest.class, IntraHubMessages.GetTherapeuticLinkRequest.class,
                    IntraHubMessages.GetTherapeuticLinkResponse.class, IntraHubMessages.RevokeTherapeuticLinkRequest.class,
                    IntraHubMessages.GetPatientAuditTrailRequest.class, IntraHubMessages.GetPatientAuditTrailResponse.class,
                    IntraHubMessages.AnyRequest.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the IntraHub model cannot be bound", e);
        }
    }
}
