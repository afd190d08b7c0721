package org.carevault.interfaces.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeShapeTest {

    private static final String NS = "xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\"";

    private static EnvelopeShape.Verdict check(String xml) {
        return EnvelopeShape.check(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainEnvelopeIsFine() {
        assertEquals(EnvelopeShape.Verdict.OK, check("<s:Envelope " + NS + "><s:Header><a wsu:Id=\"a\"/></s:Header>"
                + "<s:Body wsu:Id=\"b\"><x/></s:Body></s:Envelope>"));
        assertEquals(EnvelopeShape.Verdict.OK, check("<?xml version=\"1.0\"?><s:Envelope " + NS + "><s:Body/></s:Envelope>"));
    }

    @Test
    void unqualifiedElementsAreFine() {
        // eHealthBox v3 writes its requests' fields without a namespace.
        assertEquals(EnvelopeShape.Verdict.OK, check("<s:Envelope " + NS + "><s:Body wsu:Id=\"b\"><c:GetMessagesListRequest"
                + " xmlns:c=\"urn:be:fgov:ehealth:ehbox:consultation:protocol:v3\"><Source>INBOX</Source><BoxId><Id>1</Id>"
                + "</BoxId></c:GetMessagesListRequest></s:Body></s:Envelope>"));
    }

    @Test
    void theRootPartOfSoapWithAttachmentsIsChecked() {
        String envelope = "<s:Envelope " + NS + "><s:Body><x/></s:Body></s:Envelope>";
        String wrapped = "<s:Envelope " + NS + "><s:Body/><s:Body/></s:Envelope>";
        String type = "multipart/related; type=\"text/xml\"; boundary=\"uuid:b1\"; start=\"<root@x>\"";
        assertEquals(EnvelopeShape.Verdict.OK, EnvelopeShape.check(EnvelopeShape.rootPart(multipart(envelope), type)));
        assertEquals(EnvelopeShape.Verdict.WRAPPING, EnvelopeShape.check(EnvelopeShape.rootPart(multipart(wrapped), type)));
        assertEquals(EnvelopeShape.Verdict.OK, EnvelopeShape.check(EnvelopeShape.rootPart(multipart(envelope),
                "multipart/related; boundary=uuid:b1")), "no start: the first part");
        assertEquals(EnvelopeShape.Verdict.MALFORMED, EnvelopeShape.check(EnvelopeShape.rootPart(multipart(envelope),
                "multipart/related; boundary=other")), "not the package's boundary");
        assertEquals(EnvelopeShape.Verdict.MALFORMED, EnvelopeShape.check(EnvelopeShape.rootPart(multipart(envelope),
                "multipart/related; boundary=uuid:b1; start=\"<absent@x>\"")), "no part is the root");
        assertEquals(EnvelopeShape.Verdict.OK, EnvelopeShape.check(EnvelopeShape.rootPart(envelope.getBytes(StandardCharsets.UTF_8),
                "text/xml; charset=UTF-8")));
    }

    private static byte[] multipart(String envelope) {
        return ("--uuid:b1\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-ID: <root@x>\r\n\r\n" + envelope
                + "\r\n--uuid:b1\r\nContent-Type: application/octet-stream\r\nContent-ID: <part@x>\r\n\r\n"
                + "<s:Body/>\r\n--uuid:b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wrappingShapesAreRefused() {
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check("<s:Envelope " + NS + "><s:Body/><s:Body/></s:Envelope>"));
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check("<s:Envelope " + NS + "><s:Header/><s:Header/><s:Body/></s:Envelope>"));
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check("<s:Envelope " + NS + "><s:Body/><s:Header/></s:Envelope>"));
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check("<s:Envelope " + NS + "><other/><s:Body/></s:Envelope>"));
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check("<s:Envelope " + NS + "><s:Header><a wsu:Id=\"x\"/></s:Header>"
                + "<s:Body wsu:Id=\"x\"/></s:Envelope>"));
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check("<s:Envelope " + NS + "><s:Header><a Id=\"x\"/></s:Header>"
                + "<s:Body wsu:Id=\"x\"/></s:Envelope>"));
    }

    private static final String SIGNED_HEADER = "<s:Header><wsse:Security xmlns:wsse=\"urn:wsse\"><ds:Signature "
            + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo><ds:Reference URI=\"#ts\"/>"
            + "<ds:Reference URI=\"#body\"/></ds:SignedInfo></ds:Signature><wsu:Timestamp wsu:Id=\"ts\"/>%s</wsse:Security>"
            + "%s</s:Header>";

    private static String signed(String inSecurity, String otherHeader, String body, String after) {
        return "<s:Envelope " + NS + ">" + SIGNED_HEADER.formatted(inSecurity, otherHeader) + body + after + "</s:Envelope>";
    }

    @Test
    void theBodyActedOnMustBeTheBodySigned() {
        String signedBody = "<s:Body wsu:Id=\"body\"><Read>mine</Read></s:Body>";
        String decoy = "<s:Body><Read>theirs</Read></s:Body>";
        assertEquals(EnvelopeShape.Verdict.OK, check(signed("", "", signedBody, "")));
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check(signed(signedBody, "", decoy, "")), "signed Body in the Security header");
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check(signed("", "<x:Block xmlns:x=\"urn:x\">" + signedBody + "</x:Block>",
                decoy, "")), "in another header block");
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check(signed("", "", decoy, signedBody)), "after the Body");
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check(signed("", "", decoy, "")), "signed, but another Body");
        assertEquals(EnvelopeShape.Verdict.WRAPPING, check(signed("", "", "<s:Body wsu:Id=\"ts2\"><Read/></s:Body>", "")));
    }

    @Test
    void malformedOrDtdCarryingMessagesAreRefused() {
        assertEquals(EnvelopeShape.Verdict.MALFORMED, check("<s:Envelope " + NS + "><s:Body>"));
        assertEquals(EnvelopeShape.Verdict.MALFORMED, check("<!DOCTYPE s [<!ENTITY e \"x\">]><s:Envelope " + NS + "><s:Body/></s:Envelope>"));
        assertEquals(EnvelopeShape.Verdict.MALFORMED, check("<Envelope><Body/></Envelope>"));
        assertEquals(EnvelopeShape.Verdict.MALFORMED, check("<s:Envelope " + NS + "/>"));
        assertEquals(EnvelopeShape.Verdict.MALFORMED, check("<s:Envelope " + NS + "><s:Body>" + "<a>".repeat(200)
                + "</a>".repeat(200) + "</s:Body></s:Envelope>"));
        assertEquals(EnvelopeShape.Verdict.MALFORMED, check(""));
    }
}
