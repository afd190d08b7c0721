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
