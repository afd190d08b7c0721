package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The operator's chain verification over the wire: operators only, and the check is itself recorded. */
class AuditChainIT {

    @Test
    void anOperatorVerifiesTheChain() {
        HttpResponse<String> response = Http.get("/api/v1/admin/audit-chain", ConsentApi.token("admin"));
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(Http.json(response).get("intact").asBoolean(), response::body);
    }

    @Test
    void professionalsAndPatientsMayNot() {
        for (String caller : new String[] {"physician", "hospital", "patient"}) {
            HttpResponse<String> response = Http.get("/api/v1/admin/audit-chain", ConsentApi.token(caller));
            assertEquals(403, response.statusCode(), caller);
            assertEquals("CV-AUTH-004", Http.json(response).get("code").asText());
        }
    }
}
