package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.fgov.ehealth.hubservices.core.v3.AcknowledgeType;
import be.fgov.ehealth.hubservices.core.v3.GetLatestUpdateRequestType;
import be.fgov.ehealth.hubservices.core.v3.GetLatestUpdateResponseType;
import be.fgov.ehealth.hubservices.core.v3.GetPatientAuditTrailRequestType;
import be.fgov.ehealth.hubservices.core.v3.GetPatientConsentRequestType;
import be.fgov.ehealth.hubservices.core.v3.GetPatientConsentResponseType;
import be.fgov.ehealth.hubservices.core.v3.GetPatientRequestType;
import be.fgov.ehealth.hubservices.core.v3.GetTherapeuticLinkRequestType;
import be.fgov.ehealth.hubservices.core.v3.GetTherapeuticLinkResponseType;
import be.fgov.ehealth.hubservices.core.v3.GetTransactionListRequestType;
import be.fgov.ehealth.hubservices.core.v3.GetTransactionListResponseType;
import be.fgov.ehealth.hubservices.core.v3.GetTransactionRequestType;
import be.fgov.ehealth.hubservices.core.v3.GetTransactionResponseType;
import be.fgov.ehealth.hubservices.core.v3.GetTransactionSetRequestType;
import be.fgov.ehealth.hubservices.core.v3.GetTransactionSetResponseType;
import be.fgov.ehealth.hubservices.core.v3.PutPatientConsentRequestType;
import be.fgov.ehealth.hubservices.core.v3.PutTherapeuticLinkRequestType;
import be.fgov.ehealth.hubservices.core.v3.PutTransactionRequestType;
import be.fgov.ehealth.hubservices.core.v3.PutTransactionResponseType;
import be.fgov.ehealth.hubservices.core.v3.PutTransactionSetRequestType;
import be.fgov.ehealth.hubservices.core.v3.PutTransactionSetResponseType;
import be.fgov.ehealth.hubservices.core.v3.RevokePatientConsentRequestType;
import be.fgov.ehealth.hubservices.core.v3.RevokeTherapeuticLinkRequestType;
import be.fgov.ehealth.hubservices.core.v3.RevokeTransactionRequestType;
import be.fgov.ehealth.intrahub.v3.IntraHubPortType;
import be.fgov.ehealth.intrahub.v3.IntraHubService;
import jakarta.xml.bind.JAXBContext;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IntraHub v3 with a JAX-WS client generated from the contract's own WSDL ({@code ../shared/contracts}, test code
 * only; this source folder is compiled only where it exists): every operation the hub implements, called as generated
 * software calls it, each response read by the contract's JAXB model and — the client validating what it receives —
 * against the contract's schema. The caller authenticates the eHealth way (a SAML holder-of-key assertion in the
 * header, the request signed by the holder's key).
 */
class IntraHubJaxWsIT {

    private static final Path WSDL = Path.of("../../shared/contracts/mycarenet-vitalink/wsdl/IntraHubService.wsdl");

    private static IntraHubPortType port;
    private static JAXBContext contract;
    private static String ssin;

    @BeforeAll
    static void aGeneratedClientHoldingTheGpsAssertion() throws Exception {
        org.apache.xml.security.Init.init();
        Bus bus = BusFactory.getDefaultBus();
        // The WSDL's policy names eHealth's SAML profile; the handler below speaks it, not CXF's policy engine.
        bus.getExtension(PolicyEngine.class).setEnabled(false);
        port = HolderOfKeyHandler.as(MailboxApi.GP, new IntraHubService(WSDL.toUri().toURL()).getIntraHubPort(),
                ContractClient.INTRAHUB);
        contract = JAXBContext.newInstance("be.fgov.ehealth.hubservices.protocol.v3");
        ssin = ConsentApi.patientOfThePhysician()[0];
    }

    @Test
    void everyImplementedOperationAsGeneratedSoftwareCallsIt() throws Exception {
        PutTransactionSetResponseType put = port.putTransactionSet(request(PutTransactionSetRequestType.class,
                "PutTransactionSet", "<core:kmehrmessage>" + body(SchemeMessages.scheme(ssin, "1",
                        List.of(SchemeMessages.Element.of("Amlodipine 5 mg")))) + "</core:kmehrmessage>"));
        complete(put.getAcknowledge());
        assertTrue(put.getTransaction().stream().flatMap(t -> t.getId().stream()).anyMatch(id -> "carevault".equals(id.getSL())));

        GetTransactionSetResponseType set = port.getTransactionSet(request(GetTransactionSetRequestType.class,
                "GetTransactionSet", select("<core:transaction><core:id S=\"ID-KMEHR\" SV=\"1.0\">1</core:id>"
                        + "<core:cd S=\"CD-TRANSACTION\" SV=\"1.0\">medicationscheme</core:cd></core:transaction>")));
        complete(set.getAcknowledge());
        assertEquals(2, set.getKmehrmessage().getFolder().get(0).getTransaction().size(), "the scheme and its element");

        GetLatestUpdateResponseType latest = port.getLatestUpdate(request(GetLatestUpdateRequestType.class, "GetLatestUpdate",
                "<core:select><core:criteria>" + patient() + "<core:cd S=\"CD-TRANSACTION\" SV=\"1.0\">medicationscheme</core:cd>"
                        + "</core:criteria></core:select>"));
        complete(latest.getAcknowledge());
        assertEquals("1", latest.getLatestupdatelist().getLatestupdate().get(0).getVersion());

        PutTransactionResponseType sumehr = port.putTransaction(request(PutTransactionRequestType.class, "PutTransaction",
                "<core:kmehrmessage>" + body(SumehrIT.sumehr(ssin, "Hypertensie")) + "</core:kmehrmessage>"));
        complete(sumehr.getAcknowledge());
        String id = sumehr.getTransaction().getId().stream().filter(i -> "carevault".equals(i.getSL())).findFirst()
                .orElseThrow().getValue();
        GetTransactionListResponseType list = port.getTransactionList(request(GetTransactionListRequestType.class,
                "GetTransactionList", select("")));
        complete(list.getAcknowledge());
        assertEquals(1, list.getKmehrheader().getFolder().getTransaction().size());
        String byId = select("<core:transaction><core:id S=\"LOCAL\" SL=\"carevault\" SV=\"1.0\">" + id + "</core:id>"
                + "<core:cd S=\"CD-TRANSACTION\" SV=\"1.0\">sumehr</core:cd></core:transaction>");
        GetTransactionResponseType one = port.getTransaction(request(GetTransactionRequestType.class, "GetTransaction", byId));
        complete(one.getAcknowledge());
        assertNotNull(one.getKmehrmessage());
        complete(port.revokeTransaction(request(RevokeTransactionRequestType.class, "RevokeTransaction", byId)).getAcknowledge());

        GetPatientConsentResponseType consent = port.getPatientConsent(request(GetPatientConsentRequestType.class,
                "GetPatientConsent", "<core:select>" + patient() + "</core:select>"));
        complete(consent.getAcknowledge());
        assertEquals("retrospective", consent.getConsent().getCd().get(0).getValue().value());
        GetTherapeuticLinkResponseType links = port.getTherapeuticLink(request(GetTherapeuticLinkRequestType.class,
                "GetTherapeuticLink", "<core:select>" + patient() + "</core:select>"));
        complete(links.getAcknowledge());
        assertEquals(1, links.getTherapeuticlinklist().getTherapeuticlink().size());

        // The contract carries no proof of the patient's presence: the hub asks for one (docs/interop.md).
        String consentBody = "<core:consent>" + patient() + "<core:cd S=\"CD-CONSENTTYPE\" SV=\"1.0\">retrospective</core:cd>"
                + "</core:consent>";
        assertEquals(List.of("CV-CONSENT-005"), errors(port.putPatientConsent(request(PutPatientConsentRequestType.class,
                "PutPatientConsent", consentBody)).getAcknowledge()));
        String link = "<core:therapeuticlink>" + patient() + "<core:hcparty><core:id S=\"INSS\" SV=\"1.0\">72081012378"
                + "</core:id></core:hcparty><core:cd S=\"CD-THERAPEUTICLINKTYPE\" SV=\"1.0\">regular</core:cd></core:therapeuticlink>";
        assertEquals(List.of("CV-CONSENT-005"), errors(port.putTherapeuticLink(request(PutTherapeuticLinkRequestType.class,
                "PutTherapeuticLink", link)).getAcknowledge()));
        assertEquals(List.of("CV-AUTH-004"), errors(port.getPatientAuditTrail(request(GetPatientAuditTrailRequestType.class,
                "GetPatientAuditTrail", "<core:select>" + patient() + "</core:select>")).getAcknowledge()));
        assertEquals(List.of("CV-REQ-009"), errors(port.getPatient(request(GetPatientRequestType.class, "GetPatient",
                "<core:select>" + patient() + "</core:select>")).getAcknowledge()));

        complete(port.revokeTherapeuticLink(request(RevokeTherapeuticLinkRequestType.class, "RevokeTherapeuticLink", link))
                .getAcknowledge());
        GetTransactionSetResponseType refused = port.getTransactionSet(request(GetTransactionSetRequestType.class,
                "GetTransactionSet", select("<core:transaction><core:id S=\"ID-KMEHR\" SV=\"1.0\">1</core:id></core:transaction>")));
        assertEquals(List.of("CV-CONSENT-002"), errors(refused.getAcknowledge()), "the relationship ended");
        assertNull(refused.getKmehrmessage());
        assertEquals(List.of("CV-CONSENT-005"), errors(port.revokePatientConsent(request(RevokePatientConsentRequestType.class,
                "RevokePatientConsent", consentBody)).getAcknowledge()));
    }

    private static void complete(AcknowledgeType acknowledge) {
        assertTrue(acknowledge.isIscomplete(), () -> "complete: " + acknowledge.getError().stream()
                .map(e -> e.getCd().get(0).getValue() + " " + e.getDescription().getValue()).toList());
    }

    private static List<String> errors(AcknowledgeType acknowledge) {
        return acknowledge.getError().stream().flatMap(e -> e.getCd().stream()).map(cd -> cd.getValue()).toList();
    }

    private static String patient() {
        return "<core:patient><core:id S=\"ID-PATIENT\" SV=\"1.0\">" + ssin + "</core:id></core:patient>";
    }

    private static String select(String transaction) {
        return "<core:select>" + patient() + transaction + "</core:select>";
    }

    /** A request of the contract's model, read from its XML (the request header is the GP's). */
    private static <T> T request(Class<T> type, String operation, String inner) throws Exception {
        String xml = IntraHubIT.request(operation, inner);
        return contract.createUnmarshaller().unmarshal(new StreamSource(new StringReader(xml)), type).getValue();
    }

    /** The children of a KMEHR message's root, in the KMEHR namespace. */
    private static String body(String kmehr) {
        String children = IntraHubIT.body(kmehr)
                .replace("</familyname></patient>", "</familyname><sex><cd S=\"CD-SEX\" SV=\"1.0\">female</cd></sex></patient>")
                .replace("<medicinalproduct><intendedname>", "<medicinalproduct><intendedcd S=\"CD-DRUG-CNK\" SV=\"01-2016\">"
                        + "1234567</intendedcd><intendedname>")
                .replace("</sender></header>", "</sender><recipient><hcparty><cd S=\"CD-HCPARTY\" SV=\"1.1\">application</cd>"
                        + "<name>CareVault</name></hcparty></recipient></header>");
        // KMEHR 1.22 (the contract's) knows standards up to 20170901.
        return children.replaceAll("<(/?)([a-z])", "<$1kmehr:$2").replace(">20231110<", ">20161201<");
    }
}
