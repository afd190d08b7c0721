package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.fgov.ehealth.ehbox.consultation.v3.EhBoxConsultationPortType;
import be.fgov.ehealth.ehbox.consultation.v3.EhBoxConsultationService;
import be.fgov.ehealth.ehbox.consultation.v3.GetFullMessageResponseType;
import be.fgov.ehealth.ehbox.consultation.v3.GetMessageAcknowledgmentsStatusResponseType;
import be.fgov.ehealth.ehbox.consultation.v3.GetMessageListResponseType;
import be.fgov.ehealth.ehbox.publication.v3.BusinessError;
import be.fgov.ehealth.ehbox.publication.v3.EhBoxPublicationPortType;
import be.fgov.ehealth.ehbox.publication.v3.EhBoxPublicationService;
import be.fgov.ehealth.ehbox.publication.v3.PublicationMessageType;
import be.fgov.ehealth.ehbox.publication.v3.SendMessageResponse;
import jakarta.xml.bind.JAXBContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.BusFactory;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.carevault.crypto.seal.Sealer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * eHealthBox v3 with JAX-WS clients generated from the contract's own WSDLs ({@code ../shared/contracts}, test code
 * only): every operation of publication and consultation, called as generated software calls them, each answer read by
 * the contract's JAXB model and validated against the contract's schemas; a refusal arrives as the contract's
 * BusinessError with the hub's code.
 */
class EhBoxJaxWsIT {

    private static final Path WSDL = Path.of("../../shared/contracts/mycarenet-ehealth-ehealthbox/wsdl");
    private static final String PHARMACIST_BOX = "<Id>85021445650</Id><Type>INSS</Type><Quality>PHARMACIST</Quality>";

    private static EhBoxPublicationPortType gpSends;
    private static EhBoxConsultationPortType gp;
    private static EhBoxConsultationPortType pharmacist;
    private static JAXBContext publication;
    private static JAXBContext consultation;

    @BeforeAll
    static void generatedClients() throws Exception {
        org.apache.xml.security.Init.init();
        // The WSDLs' policies name eHealth's SAML profile; the handler speaks it, not CXF's policy engine.
        BusFactory.getDefaultBus().getExtension(PolicyEngine.class).setEnabled(false);
        for (MailboxApi.Party party : List.of(MailboxApi.GP, MailboxApi.PHARMACIST)) {
            MailboxApi.publish(party);
        }
        gpSends = HolderOfKeyHandler.as(MailboxApi.GP, new EhBoxPublicationService(WSDL.resolve("ehBoxPublication-v3.wsdl")
                .toUri().toURL()).getEhBoxPublicationPort(), EhBoxIT.PUBLICATION);
        gp = HolderOfKeyHandler.as(MailboxApi.GP, consultationPort(), EhBoxIT.CONSULTATION);
        pharmacist = HolderOfKeyHandler.as(MailboxApi.PHARMACIST, consultationPort(), EhBoxIT.CONSULTATION);
        publication = JAXBContext.newInstance("be.fgov.ehealth.ehbox.publication.v3");
        consultation = JAXBContext.newInstance("be.fgov.ehealth.ehbox.consultation.v3");
    }

    private static EhBoxConsultationPortType consultationPort() throws Exception {
        return new EhBoxConsultationService(WSDL.resolve("ehBoxConsultation-v3.wsdl").toUri().toURL()).getEhBoxConsultationPort();
    }

    @Test
    void everyOperationAsGeneratedSoftwareCallsIt() throws Exception {
        String title = "Labo " + UUID.randomUUID().toString().substring(0, 8);
        SendMessageResponse sent = gpSends.sendMessage(publication.createUnmarshaller().unmarshal(new StreamSource(
                new StringReader(EhBoxIT.sendRequest("gen" + UUID.randomUUID().toString().substring(0, 8), PHARMACIST_BOX, title,
                        true, seal("Resultaten in bijlage."), seal("Bijlage"), seal("Hb 14,2"), seal("Nuchter"), seal("85073003328")))),
                PublicationMessageType.class).getValue());
        assertEquals("100", sent.getStatus().getCode());
        String id = sent.getId();

        GetMessageListResponseType inbox = pharmacist.getMessagesList(request(
                be.fgov.ehealth.ehbox.consultation.v3.GetMessagesListRequestType.class, "GetMessagesList", "<Source>INBOX</Source>"));
        assertTrue(inbox.getMessage().stream().anyMatch(m -> m.getMessageId().equals(id)
                && m.getContentInfo().getTitle().equals(title) && m.getContentInfo().isHasAnnex()), "listed with its title");
        GetMessageListResponseType all = pharmacist.getAllEhboxesMessagesList(request(
                be.fgov.ehealth.ehbox.consultation.v3.GetAllEhboxesMessagesListRequestType.class, "GetAllEhboxesMessagesList",
                "<Source>INBOX</Source>"));
        assertTrue(all.getMessage().stream().anyMatch(m -> m.getMessageId().equals(id)), "in the list of all boxes");

        GetFullMessageResponseType full = pharmacist.getFullMessage(request(
                be.fgov.ehealth.ehbox.consultation.v3.MessageRequestType.class, "GetFullMessage",
                "<Source>INBOX</Source><MessageId>" + id + "</MessageId>"));
        assertEquals(title, full.getMessage().getContentContext().getContent().getDocument().getTitle());
        assertEquals(1, full.getMessage().getContentContext().getContent().getAnnex().size());
        assertEquals("72081012378", full.getSender().getId());

        GetMessageAcknowledgmentsStatusResponseType acks = gp.getMessageAcknowledgmentsStatus(request(
                be.fgov.ehealth.ehbox.consultation.v3.GetMessageAcknowledgmentsStatusRequestType.class,
                "GetMessageAcknowledgmentsStatus", "<MessageId>" + id + "</MessageId>"));
        assertTrue(acks.getAcknowledgmentsStatus().getRow().get(0).getRead() != null, "read when fetched");
        assertEquals(List.of(id), gp.getMessageHistory(request(be.fgov.ehealth.ehbox.consultation.v3.MessageRequestType.class,
                "GetHistory", "<Source>SENTBOX</Source><MessageId>" + id + "</MessageId>")).getMessageId());
        assertEquals(List.of(id), pharmacist.moveMessage(request(be.fgov.ehealth.ehbox.consultation.v3.MoveMessageRequestType.class,
                "MoveMessage", "<Source>INBOX</Source><Destination>BININBOX</Destination><MessageId>" + id + "</MessageId>"))
                .getMessageId());
        assertEquals(List.of(id), pharmacist.deleteMessage(request(
                be.fgov.ehealth.ehbox.consultation.v3.DeleteMessageRequestType.class, "DeleteMessage",
                "<Source>BININBOX</Source><MessageId>" + id + "</MessageId>")).getMessageId());
        assertTrue(pharmacist.getBoxInfo(request(be.fgov.ehealth.ehbox.consultation.v3.GetBoxInfoRequestType.class,
                "GetBoxInfo", "")).getMaxSize() > 0);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        pharmacist.insertOoO(request(be.fgov.ehealth.ehbox.consultation.v3.InsertOoORequestType.class, "InsertOoO",
                "<StartDate>" + today.plusDays(10) + "</StartDate><EndDate>" + today.plusDays(12) + "</EndDate>"));
        String ooo = pharmacist.getOoOList(request(be.fgov.ehealth.ehbox.consultation.v3.GetOoOListRequestType.class,
                "GetOoOList", "")).getOoO().stream().filter(o -> o.getStartDate().toString().equals(today.plusDays(10).toString()))
                .findFirst().orElseThrow().getOoOId();
        assertEquals(List.of(ooo), pharmacist.deleteOoO(request(be.fgov.ehealth.ehbox.consultation.v3.DeleteOoORequestType.class,
                "DeleteOoO", "<OoOId>" + ooo + "</OoOId>")).getOoOId());
    }

    @Test
    void aRefusalIsTheContractsBusinessErrorWithTheHubsCode() throws Exception {
        PublicationMessageType plain = publication.createUnmarshaller().unmarshal(new StreamSource(new StringReader(
                EhBoxIT.sendRequest("genplain" + UUID.randomUUID().toString().substring(0, 4), PHARMACIST_BOX, "Klaar", false,
                        "leesbaar".getBytes(StandardCharsets.UTF_8), null, null, null, null))), PublicationMessageType.class).getValue();
        BusinessError error = assertThrows(BusinessError.class, () -> gpSends.sendMessage(plain));
        assertEquals("CV-MAIL-005", error.getFaultInfo().getCode());
        assertEquals("consumer", error.getFaultInfo().getOrigin());
    }

    private static byte[] seal(String text) {
        return Sealer.seal(text.getBytes(StandardCharsets.UTF_8), MailboxApi.GP.authentication(),
                List.of(MailboxApi.lookup(MailboxApi.GP, MailboxApi.PHARMACIST.box()).get(0),
                        MailboxApi.lookup(MailboxApi.GP, MailboxApi.GP.box()).get(0)));
    }

    /** A consultation request of the contract's model, read from its XML. */
    private static <T> T request(Class<T> type, String operation, String inner) throws Exception {
        String xml = "<c:" + operation + "Request xmlns:c=\"urn:be:fgov:ehealth:ehbox:consultation:protocol:v3\">" + inner
                + "</c:" + operation + "Request>";
        return consultation.createUnmarshaller().unmarshal(new StreamSource(new StringReader(xml)), type).getValue();
    }
}
