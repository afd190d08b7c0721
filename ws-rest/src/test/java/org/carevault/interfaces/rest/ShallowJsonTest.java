package org.carevault.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.junit.jupiter.api.Test;

class ShallowJsonTest {

    private static byte[] through(String json, int limit) throws IOException {
        try (InputStream in = new BodyLimit.Shallow(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limit)) {
            return in.readAllBytes();
        }
    }

    @Test
    void bodiesWithinTheDepthPassUnchanged() throws IOException {
        String json = "{\"a\":[{\"b\":\"[[[[{{{{ \\\" ]]\"}],\"c\":{}}";
        assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), through(json, 3), "brackets inside strings do not count");
        through("[]".repeat(1000), 1);
    }

    @Test
    void aDeeperBodyIsTheClientsError() {
        CareVaultException refused = assertThrows(CareVaultException.class,
                () -> through("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}", 32));
        assertEquals(ErrorCode.REQUEST_MALFORMED, refused.errorCode());
        assertThrows(CareVaultException.class, () -> through("[[[[", 3));
    }
}
