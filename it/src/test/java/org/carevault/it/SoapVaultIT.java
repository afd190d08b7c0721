package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.carevault.crypto.pki.Credential;
import org.carevault.it.SchemeMessages.Element;
import org.carevault.ws.vault.v1.VaultPortType;
import org.junit.jupiter.api.Test;

/**
 * The vault over SOAP, signed with the demo certificates: the scheme's versions (a stale write is a
 * coded client fault), Sumehr push / list / fetch byte for byte / revoke, every operation recorded
 * in the patient's trail, on the same services as REST.
 */
class SoapVaultIT {

    private static Credential gp() {
        return SoapAuthenticationIT.demo("gp.peeters");
    }

    private static String b64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String kmehrOf(HttpResponse<String> response) throws Exception {
        return new String(Base64.getDecoder().decode(SignedSoap.text(response.body(), "Kmehr")), StandardCharsets.UTF_8);
    }

    @Test
    void everyVaultOperationWorksOverSoapAndIsRecorded() throws Exception {
        String ssin = ConsentApi.newSsin();
        String ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "physician");
        ConsentApi.linkId(ref, "physician");
        String patient = "<c:PatientSsin>" + ssin + "</c:PatientSsin>";

        assertEquals("0", SignedSoap.text(SignedSoap.vault("GetLatestUpdate", patient, gp()).body(), "Version"));
        HttpResponse<String> put = SignedSoap.vault("PutTransactionSet", patient + "<c:BasedOnVersion>0</c:BasedOnVersion><c:Kmehr>"
                + b64(SchemeMessages.scheme(ssin, "1", List.of(Element.of("Amoxicilline 500 mg")))) + "</c:Kmehr>", gp());
        assertEquals(200, put.statusCode(), put::body);
        assertEquals("1", SignedSoap.text(put.body(), "Version"));
        HttpResponse<String> stale = SignedSoap.vault("PutTransactionSet", patient + "<c:BasedOnVersion>0</c:BasedOnVersion><c:Kmehr>"
                + b64(SchemeMessages.scheme(ssin, "1", List.of())) + "</c:Kmehr>", gp());
        assertEquals(500, stale.statusCode());
        assertEquals("CV-VAULT-001", SignedSoap.text(stale.body(), "Code"));
        assertTrue(SignedSoap.text(stale.body(), "faultcode").endsWith(":Client"));
        HttpResponse<String> read = SignedSoap.vault("GetTransactionSet", patient, gp());
        assertTrue(kmehrOf(read).contains("<intendedname>Amoxicilline 500 mg</intendedname>"));
        assertEquals(kmehrOf(put), kmehrOf(read), "what was stored is what is read, byte for byte (id and time are the version's)");
        assertTrue(kmehrOf(read).contains("<recipient><hcparty><id S=\"ID-HCPARTY\" SV=\"1.0\">12345625004</id>"),
                "the header names the caller as recipient");

        ConsentApi.linkId(ref, "hospital");
        String sumehr = SumehrIT.sumehr(ssin, "Hypertensie");
        HttpResponse<String> pushed = SignedSoap.vault("PutTransaction", patient + "<c:Kmehr>" + b64(sumehr) + "</c:Kmehr>", gp());
        assertEquals(200, pushed.statusCode(), pushed::body);
        String id = SignedSoap.text(pushed.body(), "Id");
        assertEquals("true", SignedSoap.text(SignedSoap.vault("GetTransactionList", patient, gp()).body(), "Latest"));
        assertEquals(sumehr, kmehrOf(SignedSoap.vault("GetTransaction", patient + "<c:Id>" + id + "</c:Id>", gp())));
        assertEquals(200, SignedSoap.vault("RevokeTransaction", patient + "<c:Id>" + id + "</c:Id>", gp()).statusCode());
        assertEquals("REVOKED", SignedSoap.text(SignedSoap.vault("GetTransactionList", patient, gp()).body(), "Status"));

        Set<String> operations = new TreeSet<>();
        for (var method : VaultPortType.class.getDeclaredMethods()) {
            operations.add(Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
        }
        for (String operation : operations) {
            var entry = ConsentApi.lastEntry(ref, operation);
            assertEquals("SOAP", entry.get("channel").asText(), operation);
        }
        assertEquals(7, operations.size());
    }

    @Test
    void withoutARelationshipTheVaultRefusesOverSoapToo() throws Exception {
        String ssin = ConsentApi.newSsin();
        ConsentApi.putConsentAsProfessional(ConsentApi.resolve(ssin), "physician");
        HttpResponse<String> refused = SignedSoap.vault("GetTransactionSet", "<c:PatientSsin>" + ssin + "</c:PatientSsin>", gp());
        assertEquals(500, refused.statusCode());
        assertEquals("CV-CONSENT-002", SignedSoap.text(refused.body(), "Code"));
    }
}
