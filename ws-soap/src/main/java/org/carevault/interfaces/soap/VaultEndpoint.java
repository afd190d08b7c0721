package org.carevault.interfaces.soap;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.cxf.interceptor.InInterceptors;
import org.apache.cxf.interceptor.OutFaultInterceptors;
import org.carevault.domain.ObjectIds;
import org.carevault.application.access.PatientDirectory;
import org.carevault.application.vault.MedicationSchemeService;
import org.carevault.application.vault.PushedDocuments;
import org.carevault.application.vault.SumehrService;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.ws.vault.v1.CareVaultFault;
import org.carevault.ws.vault.v1.GetLatestUpdateResponse;
import org.carevault.ws.vault.v1.GetTransactionListResponse;
import org.carevault.ws.vault.v1.GetTransactionRequest;
import org.carevault.ws.vault.v1.GetTransactionResponse;
import org.carevault.ws.vault.v1.GetTransactionSetResponse;
import org.carevault.ws.vault.v1.PatientRequest;
import org.carevault.ws.vault.v1.PutTransactionRequest;
import org.carevault.ws.vault.v1.PutTransactionResponse;
import org.carevault.ws.vault.v1.PutTransactionSetRequest;
import org.carevault.ws.vault.v1.PutTransactionSetResponse;
import org.carevault.ws.vault.v1.RevokeTransactionRequest;
import org.carevault.ws.vault.v1.RevokeTransactionResponse;
import org.carevault.ws.vault.v1.SumehrEntry;
import org.carevault.ws.vault.v1.VaultPortType;
import org.jboss.ws.api.annotation.EndpointConfig;

/**
 * The vault for medical software: the medication scheme and Sumehr summaries, KMEHR as base64 (its
 * bytes exactly), the patient by SSIN in the signed body; the same services, and so the same access
 * decision and audit, as REST.
 */
@WebService(serviceName = "VaultService", portName = "VaultPort", targetNamespace = "urn:carevault:ws:vault:v1",
        endpointInterface = "org.carevault.ws.vault.v1.VaultPortType", wsdlLocation = "WEB-INF/wsdl/vault-v1.wsdl")
@EndpointConfig(configFile = "WEB-INF/jaxws-endpoint-config.xml", configName = "CareVault-Signed")
@InInterceptors(classes = SharedReplayInterceptor.class)
@OutFaultInterceptors(classes = FaultCodeInterceptor.class)
public class VaultEndpoint implements VaultPortType {

    @Resource
    private WebServiceContext context;

    @EJB
    private PatientDirectory directory;

    @EJB
    private MedicationSchemeService schemes;

    @EJB
    private SumehrService sumehrs;

    private <T> T call(PatientRequest request, SoapCalls.Action<T> action) throws CareVaultFault {
        try {
            return SoapCalls.forPatient(context, directory, request.getPatientSsin(), action);
        } catch (CareVaultException e) {
            throw new CareVaultFault(SoapFaults.message(e.errorCode()), SoapFaults.error(e.errorCode()));
        }
    }

    private static Optional<String> glass(PatientRequest request) {
        return Optional.ofNullable(request.getBreakTheGlassReason());
    }

    @Override
    public GetTransactionSetResponse getTransactionSet(PatientRequest request) throws CareVaultFault {
        return call(request, (caller, patient) -> {
            GetTransactionSetResponse response = new GetTransactionSetResponse();
            schemes.current(caller, patient, glass(request)).ifPresentOrElse(view -> {
                response.setVersion(view.version());
                response.setKmehr(view.kmehr().getBytes(StandardCharsets.UTF_8));
            }, () -> response.setVersion(0));
            return response;
        });
    }

    @Override
    public PutTransactionSetResponse putTransactionSet(PutTransactionSetRequest request) throws CareVaultFault {
        return call(request, (caller, patient) -> {
            var view = schemes.put(caller, patient, bytes(request.getKmehr()), Optional.of(request.getBasedOnVersion()),
                    glass(request));
            PutTransactionSetResponse response = new PutTransactionSetResponse();
            response.setVersion(view.version());
            response.setKmehr(view.kmehr().getBytes(StandardCharsets.UTF_8));
            return response;
        });
    }

    @Override
    public GetLatestUpdateResponse getLatestUpdate(PatientRequest request) throws CareVaultFault {
        return call(request, (caller, patient) -> {
            GetLatestUpdateResponse response = new GetLatestUpdateResponse();
            schemes.latestUpdate(caller, patient, glass(request)).ifPresentOrElse(latest -> {
                response.setVersion(latest.version());
                response.setUpdatedAt(SoapViews.time(latest.updatedAt()));
            }, () -> response.setVersion(0));
            return response;
        });
    }

    @Override
    public PutTransactionResponse putTransaction(PutTransactionRequest request) throws CareVaultFault {
        return call(request, (caller, patient) -> {
            PutTransactionResponse response = new PutTransactionResponse();
            response.setSumehr(entry(sumehrs.put(caller, patient, bytes(request.getKmehr()), glass(request))));
            return response;
        });
    }

    @Override
    public GetTransactionListResponse getTransactionList(PatientRequest request) throws CareVaultFault {
        return call(request, (caller, patient) -> {
            GetTransactionListResponse response = new GetTransactionListResponse();
            sumehrs.list(caller, patient, glass(request)).forEach(e -> response.getSumehr().add(entry(e)));
            return response;
        });
    }

    @Override
    public GetTransactionResponse getTransaction(GetTransactionRequest request) throws CareVaultFault {
        return call(request, (caller, patient) -> {
            GetTransactionResponse response = new GetTransactionResponse();
            response.setKmehr(sumehrs.get(caller, patient, ObjectIds.parse(request.getId()), glass(request))
                    .getBytes(StandardCharsets.UTF_8));
            return response;
        });
    }

    @Override
    public RevokeTransactionResponse revokeTransaction(RevokeTransactionRequest request) throws CareVaultFault {
        return call(request, (caller, patient) -> {
            sumehrs.revoke(caller, patient, ObjectIds.parse(request.getId()), glass(request));
            return new RevokeTransactionResponse();
        });
    }

    private static byte[] bytes(byte[] kmehr) {
        if (kmehr == null) {
            throw new CareVaultException(ErrorCode.KMEHR_INVALID);
        }
        return kmehr;
    }

    private static SumehrEntry entry(PushedDocuments.Entry e) {
        SumehrEntry entry = new SumehrEntry();
        entry.setId(e.id().toString());
        entry.setAuthorType(e.authorType());
        entry.setAuthorId(e.authorId());
        entry.setAuthorRole(e.authorRole());
        entry.setSubmittedAt(SoapViews.time(e.submittedAt()));
        entry.setDocumentDate(e.documentDate());
        entry.setStatus(e.status());
        entry.setLatest(e.latest());
        return entry;
    }
}
