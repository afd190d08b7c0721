package org.carevault.kmehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KmehrParserTest {

    private static KmehrException.Reason refused(String xml) {
        return refused(TestMessages.bytes(xml));
    }

    private static KmehrException.Reason refused(byte[] bytes) {
        return assertThrows(KmehrException.class, () -> KmehrParser.parse(bytes)).reason();
    }

    @Test
    void aMedicationSchemeIsReadAndEachTransactionIsAVerbatimSlice() {
        String element = TestMessages.element(2, "Amoxicilline 500 mg");
        String xml = TestMessages.scheme(TestMessages.SSIN, "7", element);
        KmehrMessage message = KmehrParser.parse(TestMessages.bytes(xml));

        assertEquals(TestMessages.SSIN, message.patient().value());
        assertEquals("20231110", message.header().standard());
        assertEquals("12345625004", message.header().senders().get(0).id("ID-HCPARTY").orElseThrow());
        assertEquals(List.of("medicationscheme", "medicationschemeelement"),
                message.transactions().stream().map(Transaction::type).toList());
        assertEquals(Optional.of(7L), message.transactionsOfType("medicationscheme").get(0).version());
        Transaction second = message.transactions().get(1);
        assertEquals(element, second.xml(), "byte for byte as sent");
        assertEquals(element, xml.substring(second.start(), second.end()));
        assertEquals("persphysician", second.authors().get(0).kinds().get(0));
        assertTrue(message.rootStartTag().startsWith("<kmehrmessage xmlns=") && message.rootStartTag().endsWith(">"));
        assertTrue(message.patientXml().startsWith("<patient>") && message.patientXml().endsWith("</patient>"));
    }

    @Test
    void vaultIdsAreReadFromLocalIdsByTheirLabel() {
        String element = TestMessages.element(2, "Paracetamol").replace("<id S=\"ID-KMEHR\" SV=\"1.0\">2</id>",
                "<id S=\"ID-KMEHR\" SV=\"1.0\">2</id><id S=\"LOCAL\" SL=\"carevault\" SV=\"1.0\">e-42</id>");
        Transaction transaction = KmehrParser.parse(TestMessages.bytes(TestMessages.scheme(TestMessages.SSIN, "1", element)))
                .transactions().get(1);
        assertEquals(Optional.of("e-42"), transaction.localId("carevault"));
        assertEquals(Optional.empty(), transaction.localId("vitalinkuri"));
    }

    @Test
    void aDoctypeIsNeverAcceptedSoNoEntityIsEverExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE kmehrmessage [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + TestMessages.scheme(TestMessages.SSIN, "1").substring(TestMessages.scheme(TestMessages.SSIN, "1").indexOf('\n') + 1)
                        .replace("<familyname>Devos</familyname>", "<familyname>&x;</familyname>");
        assertEquals(KmehrException.Reason.DOCTYPE_FORBIDDEN, refused(xxe));
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><kmehrmessage xmlns=\"" + KmehrMessage.NAMESPACE + "\">&lol3;</kmehrmessage>";
        assertEquals(KmehrException.Reason.DOCTYPE_FORBIDDEN, refused(laughs));
    }

    @Test
    void whatIsNotKmehrIsRefusedWithItsReason() {
        assertEquals(KmehrException.Reason.NOT_XML, refused("<kmehrmessage"));
        assertEquals(KmehrException.Reason.NOT_XML, refused(new byte[0]));
        assertEquals(KmehrException.Reason.NOT_XML, refused(new byte[] {'<', (byte) 0xC3, (byte) 0x28, '>'}));
        assertEquals(KmehrException.Reason.NOT_KMEHR, refused("<html xmlns=\"" + KmehrMessage.NAMESPACE + "\"/>"));
        assertEquals(KmehrException.Reason.NOT_KMEHR, refused("<kmehrmessage xmlns=\"urn:other\"/>"));
        assertEquals(KmehrException.Reason.NOT_XML, refused(TestMessages.scheme(TestMessages.SSIN, "1")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")));
    }

    @Test
    void prefixesAreDeclaredOnTheRootOnlyForTheSlicesToReadOnTheirOwn() {
        String scheme = TestMessages.scheme(TestMessages.SSIN, "1");
        String prefixed = scheme.replaceAll("<(/?)([a-z])", "<$1k:$2").replace("<k:kmehrmessage xmlns=", "<k:kmehrmessage xmlns:k=");
        assertEquals(1, KmehrParser.parse(prefixed.getBytes(StandardCharsets.UTF_8)).transactionsOfType("medicationscheme")
                .size(), "prefixed KMEHR declared on the root is read");
        String declaredOnFolder = prefixed.replace("<k:folder>", "<k:folder xmlns:k=\"" + KmehrMessage.NAMESPACE + "\">");
        assertEquals(KmehrException.Reason.NOT_KMEHR, refused(declaredOnFolder), "a prefix the folder declares would be lost");
    }

    @Test
    void theHeaderPatientTransactionsAndVersionAreValidated() {
        assertEquals(KmehrException.Reason.HEADER_INVALID, refused(TestMessages.scheme(TestMessages.SSIN, "1")
                .replaceAll("<time>10:00:00</time></header>", "</header>").replace("<time>10:00:00</time><sender>", "<sender>")));
        assertEquals(KmehrException.Reason.PATIENT_INVALID, refused(TestMessages.scheme("55032001181", "1")));
        assertEquals(KmehrException.Reason.PATIENT_INVALID, refused(TestMessages.scheme("", "1")));
        String twoPatients = TestMessages.scheme(TestMessages.SSIN, "1").replace("</folder>",
                "</folder><folder><patient><id S=\"INSS\">62070834587</id></patient></folder>");
        assertEquals(KmehrException.Reason.PATIENT_INVALID, refused(twoPatients));
        String conflicting = TestMessages.scheme(TestMessages.SSIN, "1").replace("<firstname>Marc</firstname>",
                "<id S=\"INSS\" SV=\"1.0\">62070834587</id><firstname>Marc</firstname>");
        assertEquals(KmehrException.Reason.PATIENT_INVALID, refused(conflicting));
        assertEquals(KmehrException.Reason.TRANSACTION_INVALID, refused(TestMessages.scheme(TestMessages.SSIN, "1",
                TestMessages.element(2, "X").replace(TestMessages.author(), ""))));
        assertEquals(KmehrException.Reason.TRANSACTION_INVALID, refused(TestMessages.scheme(TestMessages.SSIN, "1",
                TestMessages.element(2, "X").replace("CD-TRANSACTION", "CD-OTHER"))));
        for (String version : new String[] {"seven", "-1", "0", "1.5", " ", "99999999999999999999"}) {
            assertEquals(KmehrException.Reason.VERSION_INVALID, refused(TestMessages.scheme(TestMessages.SSIN, version)), version);
        }
    }

    @Test
    void limitsOnSizeDepthAndElements() {
        String deep = "<a>".repeat(60) + "</a>".repeat(60);
        String message = TestMessages.scheme(TestMessages.SSIN, "1").replace("<iscomplete>", deep + "<iscomplete>");
        assertEquals(KmehrException.Reason.TOO_LARGE, refused(message));
        byte[] small = TestMessages.bytes(TestMessages.scheme(TestMessages.SSIN, "1"));
        assertEquals(KmehrException.Reason.TOO_LARGE, assertThrows(KmehrException.class,
                () -> KmehrParser.parse(small, new KmehrParser.Limits(small.length - 1, 48, 1000))).reason());
        assertEquals(KmehrException.Reason.TOO_LARGE, assertThrows(KmehrException.class,
                () -> KmehrParser.parse(small, new KmehrParser.Limits(1_000_000, 48, 20))).reason());
    }

    @Test
    void errorsNeverQuoteTheMessage() {
        KmehrException e = assertThrows(KmehrException.class,
                () -> KmehrParser.parse(TestMessages.bytes(TestMessages.scheme("55032001181", "1"))));
        assertFalse(e.getMessage().contains("55032001181"));
        assertFalse(e.getMessage().contains("Devos"));
        assertFalse(new String(TestMessages.bytes("x"), StandardCharsets.UTF_8).isEmpty());
    }
}
