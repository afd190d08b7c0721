package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No patient identifier reaches a server log: after requests built to tempt logging (invalid SSINs
 * on REST and SOAP, refusals, unknown patients), the server's logs hold none of the SSINs or patient
 * references this test run used (failsafe runs the other wire tests in the same JVM, alphabetically,
 * so most of theirs are checked too).
 */
class LogHygieneIT {

    @Test
    void theServerLogsNameNoPatient() throws Exception {
        String invalid = "55032001181";
        ConsentApi.USED.add(invalid);
        assertEquals(400, Http.postJson(ConsentApi.BASE + "resolve", ConsentApi.token("physician"),
                "{\"ssin\":\"" + invalid + "\"}").statusCode());
        assertEquals(500, SignedSoap.consent("GetPatientConsent", "<c:PatientSsin>" + invalid + "</c:PatientSsin>",
                SoapAuthenticationIT.demo("gp.peeters")).statusCode());
        String fresh = ConsentApi.newSsin();
        assertEquals(500, SignedSoap.consent("CheckAccess", "<c:PatientSsin>" + fresh + "</c:PatientSsin>"
                + "<c:DataType>MEDICATION_SCHEME</c:DataType><c:Operation>READ</c:Operation>",
                SoapAuthenticationIT.demo("pharm.janssens")).statusCode());
        String ref = ConsentApi.resolve(ConsentApi.newSsin());
        assertEquals(403, ConsentApi.check(ref, "other-patient", "SUMEHR", "READ", null).statusCode());
        ConsentApi.USED.add(ConsentApi.DEVOS_SSIN);
        ConsentApi.USED.add("62070834587");

        List<Path> logs = new ArrayList<>();
        for (Path candidate : List.of(Stack.RUN_DIR.resolve("logs/wildfly.log"), Stack.RUN_DIR.resolve("wildfly/log/server.log"))) {
            if (Files.exists(candidate)) {
                logs.add(candidate);
            }
        }
        assertTrue(!logs.isEmpty(), "the server's logs were found under " + Stack.RUN_DIR);
        Set<String> found = new TreeSet<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String identifier : ConsentApi.USED) {
                if (text.contains(identifier)) {
                    found.add(identifier.substring(0, 4) + "… in " + log.getFileName());
                }
            }
        }
        assertEquals(Set.of(), found, "patient identifiers in server logs (" + ConsentApi.USED.size() + " checked)");
    }
}
