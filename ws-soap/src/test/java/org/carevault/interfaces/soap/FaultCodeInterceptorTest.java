package org.carevault.interfaces.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FaultCodeInterceptorTest {

    @Test
    void identifiersQuotedByASecurityLibraryNeverReachTheLog() {
        assertEquals("subject CN=SSIN\\=[number],OU=NIHII-PHYSICIAN\\=[number] not allowed",
                FaultCodeInterceptor.withoutIdentifiers("subject CN=SSIN\\=72081012378,OU=NIHII-PHYSICIAN\\=12345625004 not allowed"));
        assertEquals("Invalid timestamp: The message timestamp has expired",
                FaultCodeInterceptor.withoutIdentifiers("Invalid timestamp: The message timestamp has expired"));
        assertNull(FaultCodeInterceptor.withoutIdentifiers(null));
    }
}
