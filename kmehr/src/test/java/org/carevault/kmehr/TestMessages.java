package org.carevault.kmehr;

import java.nio.charset.StandardCharsets;

/** KMEHR messages written for the tests (the interop corpus is checked separately and never copied). */
final class TestMessages {

    static final String SSIN = "55032001180";

    private TestMessages() {
    }

    static String author() {
        return "<author><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">12345625004</id><id S=\"INSS\" SV=\"1.0\">72081012378</id>"
                + "<cd S=\"CD-HCPARTY\" SV=\"1.0\">persphysician</cd><firstname>Jan</firstname><familyname>Peeters</familyname>"
                + "</hcparty></author>";
    }

    static String scheme(String patientId, String version, String... elements) {
        StringBuilder body = new StringBuilder();
        body.append("<transaction><id S=\"ID-KMEHR\" SV=\"1.0\">1</id>")
                .append("<cd S=\"CD-TRANSACTION\" SV=\"1.0\">medicationscheme</cd><date>2026-11-28</date><time>10:00:00</time>")
                .append(author()).append("<iscomplete>true</iscomplete><isvalidated>true</isvalidated>");
        if (version != null) {
            body.append("<version>").append(version).append("</version>");
        }
        body.append("</transaction>");
        for (String element : elements) {
            body.append(element);
        }
        return message("<id S=\"ID-PATIENT\" SV=\"1.0\">" + patientId + "</id><firstname>Marc</firstname>"
                + "<familyname>Devos</familyname>", body.toString());
    }

    static String element(int n, String drug) {
        return "<transaction><id S=\"ID-KMEHR\" SV=\"1.0\">" + n + "</id>"
                + "<cd S=\"CD-TRANSACTION\" SV=\"1.4\">medicationschemeelement</cd><date>2026-11-28</date><time>10:00:00</time>"
                + author() + "<iscomplete>true</iscomplete><isvalidated>true</isvalidated>"
                + "<item><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><cd S=\"CD-ITEM\" SV=\"1.4\">medication</cd>"
                + "<content><medicinalproduct><intendedname>" + drug + "</intendedname></medicinalproduct></content>"
                + "<beginmoment><date>2026-11-01</date></beginmoment></item></transaction>";
    }

    static String message(String patient, String transactions) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<kmehrmessage xmlns=\"http://www.ehealth.fgov.be/standards/kmehr/schema/v1\">"
                + "<header><standard><cd S=\"CD-STANDARD\" SV=\"1.4\">20231110</cd></standard>"
                + "<id S=\"ID-KMEHR\" SV=\"1.0\">12345625004.20261128100000</id><date>2026-11-28</date><time>10:00:00</time>"
                + "<sender><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">12345625004</id>"
                + "<cd S=\"CD-HCPARTY\" SV=\"1.0\">persphysician</cd><familyname>Peeters</familyname></hcparty></sender>"
                + "</header><folder><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><patient>" + patient + "</patient>"
                + transactions + "</folder></kmehrmessage>";
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
