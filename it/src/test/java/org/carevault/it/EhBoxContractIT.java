package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.carevault.crypto.seal.Sealer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * eHealthBox v3 with e-Contract's client (built from their open-source mycarenet project, unmodified), as Belgian
 * software calls eHealth's: an assertion from the demo STS, then SOAP with attachments signed the eHealth way. Its
 * {@code send} puts the document in clear ({@code IsEncrypted} false), which the hub refuses with a BusinessError — the
 * hub never holds a message's plaintext; what others sealed is listed and read with it. Skipped where the client is
 * absent.
 */
class EhBoxContractIT {

    private static Path pharmacist;
    private static Path gp;

    @BeforeAll
    static void assertions() throws Exception {
        ContractClient.required("EhBoxContractIT");
        for (MailboxApi.Party party : List.of(MailboxApi.GP, MailboxApi.PHARMACIST)) {
            MailboxApi.publish(party);
        }
        pharmacist = ContractClient.assertion("pharm.janssens");
        gp = ContractClient.assertion("gp.peeters");
    }

    @Test
    void theClientsPlaintextIsRefusedAndNothingArrives() throws Exception {
        Path letter = Files.createTempFile("ehbox", ".txt");
        Files.writeString(letter, "Beste collega, dit staat in klare tekst.");
        letter.toFile().deleteOnExit();
        String before = ContractClient.ehbox("pharm.janssens", pharmacist, "list", "--no-dump").output();
        ContractClient.Run sent = ContractClient.ehbox("gp.peeters", gp, "send", "--to-id", "85021445650",
                "--to-quality", "PHARMACIST", "--file", letter.toString(), "--title", "In klare tekst", "--no-dump");
        assertEquals(2, sent.exit(), sent.output());
        assertTrue(sent.output().contains("BusinessError") && sent.output().contains("CV-MAIL-005"), sent.output());
        String after = ContractClient.ehbox("pharm.janssens", pharmacist, "list", "--no-dump").output();
        assertFalse(after.contains("In klare tekst"), "nothing arrived");
        assertEquals(count(before, "<MessageId>"), count(after, "<MessageId>"), "the inbox as it was");
    }

    @Test
    void aMessageSealedByTheGpIsListedAndReadWithTheClient() throws Exception {
        String title = "Ontslagbrief " + UUID.randomUUID().toString().substring(0, 8);
        byte[] sealed = Sealer.seal("Ontslag op 3 december.".getBytes(StandardCharsets.UTF_8), MailboxApi.GP.authentication(),
                List.of(MailboxApi.lookup(MailboxApi.GP, MailboxApi.PHARMACIST.box()).get(0)));
        String id = EhBoxIT.ok(EhBoxIT.publish(MailboxApi.GP, EhBoxIT.sendRequest("cc" + UUID.randomUUID().toString()
                .substring(0, 8), "<Id>85021445650</Id><Type>INSS</Type><Quality>PHARMACIST</Quality>", title, true, sealed,
                null, null, null, null))).getAttribute("Id");

        ContractClient.Run info = ContractClient.ehbox("pharm.janssens", pharmacist, "info", "--no-dump");
        assertEquals(0, info.exit(), info.output());
        assertTrue(info.output().contains("<CurrentSize>") && info.output().contains("85021445650"), info.output());

        ContractClient.Run list = ContractClient.ehbox("pharm.janssens", pharmacist, "list", "--no-dump");
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains("<MessageId>" + id + "</MessageId>") && list.output().contains(title), list.output());

        ContractClient.Run get = ContractClient.ehbox("pharm.janssens", pharmacist, "get", "--id", id, "--no-dump");
        assertEquals(0, get.exit(), get.output());
        assertTrue(get.output().contains(title), get.output());
        assertTrue(get.output().replaceAll("\\s", "").contains(java.util.Base64.getEncoder().encodeToString(sealed)),
                "the seal as the GP made it");
        assertFalse(get.output().contains("Ontslag op 3 december"), "never in clear");
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
