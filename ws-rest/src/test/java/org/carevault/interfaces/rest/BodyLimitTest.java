package org.carevault.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws IOException {
        var in = new BodyLimit.Bounded(new ByteArrayInputStream(new byte[100]), 100, org.carevault.domain.ErrorCode.REQUEST_TOO_LARGE);
        assertEquals(100, in.readAllBytes().length);
    }

    @Test
    void readingPastTheLimitFailsWithTheCode() {
        var in = new BodyLimit.Bounded(new ByteArrayInputStream(new byte[101]), 100, org.carevault.domain.ErrorCode.REQUEST_TOO_LARGE);
        CareVaultException e = assertThrows(CareVaultException.class, in::readAllBytes);
        assertEquals(ErrorCode.REQUEST_TOO_LARGE, e.errorCode());
    }

    @Test
    void problemDocumentsFollowRfc9457() {
        JsonObject problem = Json.createReader(new StringReader(Problem.json(ErrorCode.REQUEST_MALFORMED, null, null)))
                .readObject();
        assertEquals("urn:carevault:error:CV-REQ-001", problem.getString("type"));
        assertEquals(400, problem.getInt("status"));
        assertEquals("CV-REQ-001", problem.getString("code"));
        assertTrue(problem.containsKey("title"));
    }
}
