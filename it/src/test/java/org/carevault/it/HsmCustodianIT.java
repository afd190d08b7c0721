package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.carevault.crypto.atrest.Pkcs11Custodian;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The vault's custodians chosen by configuration: where SoftHSM2 is installed, the test stack runs custodian B on a
 * PKCS#11 token and custodian A on a PKCS#12 file (bin/stack.sh). The hub then writes and reads medication schemes
 * through both (this test, and every vault test of the suite), keeps no key store file for B, and the key it wraps B's
 * shares with is on the token. Skipped with a notice where SoftHSM2 is absent.
 */
class HsmCustodianIT {

    @Test
    void custodianBIsTheTokenAndTheVaultWorksThroughIt() throws Exception {
        String kind = Stack.serverProperty("carevault.vault.custodian-b.kind");
        if (!"pkcs11".equals(kind)) {
            System.out.println("NOTICE: HsmCustodianIT needs SoftHSM2 (apt-get install softhsm2): custodian B is a PKCS#12 file here");
        }
        Assumptions.assumeTrue("pkcs11".equals(kind), "custodian B is not on a token in this stack");
        String slot = Stack.serverProperty("carevault.vault.custodian-b.slot");

        // A scheme written and read back: its data key's second share is wrapped and unwrapped by the token.
        String ssin = ConsentApi.newSsin();
        String ref = ConsentApi.resolve(ssin);
        ConsentApi.putConsentAsProfessional(ref, "physician");
        ConsentApi.linkId(ref, "physician");
        String gp = ConsentApi.token("physician");
        assertEquals(201, MedicationSchemeIT.putNextVersion(ssin, ref, gp, 0, "Bisoprolol 5 mg").statusCode());
        assertTrue(Http.get(ConsentApi.BASE + ref + "/medication-scheme", gp).body().contains("Bisoprolol 5 mg"));

        Path keys = Stack.RUN_DIR.resolve("data/keys");
        assertTrue(Files.exists(keys.resolve("custodian-a.p12")), "custodian A is the PKCS#12 file");
        assertFalse(Files.exists(keys.resolve("custodian-b.p12")), "no key store file for custodian B");
        List<String> log = Files.readAllLines(Stack.RUN_DIR.resolve("logs/wildfly.log"), StandardCharsets.ISO_8859_1);
        assertTrue(log.stream().anyMatch(line -> line.contains("CV-VAULT-010 custodian b: PKCS#11 token in slot " + slot)),
                "the hub said which custodian it opened");

        // The token holds the hub's wrapping key (made by the hub at its first start: the token was empty before).
        Pkcs11Custodian token = Pkcs11Custodian.open("hsm-check", Stack.serverProperty("carevault.vault.custodian-b.library"),
                Long.parseLong(slot), Stack.secret("vault.custodian-b-password").toCharArray());
        assertTrue(token.currentVersion() >= 1, "a key version on the token");
    }
}
