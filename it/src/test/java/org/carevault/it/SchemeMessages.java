package org.carevault.it;

import java.util.List;

/**
 * Medication schemes the wire tests send: a patient, a version, and elements (drug name, optional
 * vault id). The project's own messages; the interop corpus is only read, never copied.
 */
final class SchemeMessages {

    static final String NAMESPACE = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";
    static final String PATIENT_NAME = "Wilhelmina Testpatient";

    /** One element: a medication by name, with the vault's id when it is an update. */
    record Element(String drug, String vaultId) {
        static Element of(String drug) {
            return new Element(drug, null);
        }
    }

    private SchemeMessages() {
    }

    static String scheme(String ssin, String version, List<Element> elements) {
        StringBuilder folder = new StringBuilder()
                .append("<folder><id S=\"ID-KMEHR\" SV=\"1.0\">1</id><patient><id S=\"ID-PATIENT\" SV=\"1.0\">").append(ssin)
                .append("</id><firstname>Wilhelmina</firstname><familyname>Testpatient</familyname></patient>")
                .append(transaction(1, "medicationscheme", version == null ? "" : "<version>" + version + "</version>", null));
        int n = 2;
        for (Element element : elements) {
            folder.append(transaction(n++, "medicationschemeelement", "<item><id S=\"ID-KMEHR\" SV=\"1.0\">1</id>"
                    + "<cd S=\"CD-ITEM\" SV=\"1.4\">medication</cd><content><medicinalproduct><intendedname>" + element.drug()
                    + "</intendedname></medicinalproduct></content><beginmoment><date>2026-11-01</date></beginmoment></item>",
                    element.vaultId()));
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kmehrmessage xmlns=\"" + NAMESPACE + "\"><header>"
                + "<standard><cd S=\"CD-STANDARD\" SV=\"1.4\">20231110</cd></standard><id S=\"ID-KMEHR\" SV=\"1.0\">it.1</id>"
                + "<date>2026-11-28</date><time>10:00:00</time><sender><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">12345625004</id>"
                + "<cd S=\"CD-HCPARTY\" SV=\"1.0\">persphysician</cd></hcparty></sender></header>" + folder + "</folder></kmehrmessage>";
    }

    private static String transaction(int n, String type, String body, String vaultId) {
        return "<transaction>" + (vaultId == null ? "" : "<id S=\"LOCAL\" SL=\"carevault\" SV=\"1.0\">" + vaultId + "</id>")
                + "<id S=\"ID-KMEHR\" SV=\"1.0\">" + n + "</id><cd S=\"CD-TRANSACTION\" SV=\"1.0\">" + type + "</cd>"
                + "<date>2026-11-28</date><time>10:00:00</time><author><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">12345625004</id>"
                + "<cd S=\"CD-HCPARTY\" SV=\"1.0\">persphysician</cd></hcparty></author><iscomplete>true</iscomplete>"
                + "<isvalidated>true</isvalidated>" + body + "</transaction>";
    }
}
