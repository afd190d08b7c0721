package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.xml.ws.BindingProvider;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.x500.X500Principal;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.carevault.crypto.pki.CertificateAuthority;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pkcs12;
import org.carevault.ws.identity.v1.CareVaultFault;
import org.carevault.ws.identity.v1.IdentityPortType;
import org.carevault.ws.identity.v1.IdentityService;
import org.carevault.ws.identity.v1.WhoAmIRequest;
import org.carevault.ws.identity.v1.WhoAmIResponse;
import org.junit.jupiter.api.Test;

/**
 * What medical software does: a standard JAX-WS client (Apache CXF) reads the hub's WSDL, applies
 * its WS-SecurityPolicy by itself and signs with the user's certificate.
 */
class CxfClientIT {

    @Test
    void aPolicyDrivenClientSignsAndIsRecognised() throws Exception {
        WhoAmIResponse me = port(SoapAuthenticationIT.demo("pharm.janssens")).whoAmI(new WhoAmIRequest());

        assertEquals("85021445650", me.getPartyId());
        assertEquals("pharmacist", me.getRole());
        assertEquals("SOAP", me.getChannel());
    }

    @Test
    void aCertificateTheHubDoesNotTrustGivesTheTypedFaultWithItsCode() throws Exception {
        CertificateAuthority rogue = CertificateAuthority.createRoot(new X500Principal("CN=Rogue CA"), Duration.ofDays(1));
        Credential impostor = rogue.issue(SoapAuthenticationIT.demo("gp.peeters").certificate().getSubjectX500Principal(),
                Duration.ofDays(1), CertificateAuthority.Usage.PARTY);

        CareVaultFault fault = assertThrows(CareVaultFault.class, () -> port(impostor).whoAmI(new WhoAmIRequest()));
        assertEquals("CV-AUTH-005", fault.getFaultInfo().getCode());
    }

    private static IdentityPortType port(Credential signer) throws Exception {
        IdentityPortType port = new IdentityService(wsdl()).getIdentityPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, SignedSoap.ENDPOINT);
        context.put("security.signature.crypto", SignedSoap.crypto(signer));
        context.put("security.signature.username", "signer");
        context.put("security.encryption.crypto", hubTrust());
        context.put("security.encryption.username", "carevault-ca");
        // CXF 4.0 names this one with the "ws-security." prefix; "security.…" is silently ignored (RSA-SHA1 is sent).
        context.put("ws-security.asymmetric.signature.algorithm", SignedSoap.RSA_SHA256);
        context.put("security.callback-handler", (CallbackHandler) callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof WSPasswordCallback password) {
                    password.setPassword(SignedSoap.KEY_PASSWORD);
                }
            }
        });
        return port;
    }

    private static URL wsdl() throws Exception {
        return new URL(SignedSoap.ENDPOINT + "?wsdl");
    }

    private static Merlin hubTrust() {
        Merlin merlin = new Merlin();
        merlin.setTrustStore(Pkcs12.read(Stack.PKI.resolve("truststore.p12"), Stack.secret("pki.truststore-password").toCharArray()));
        return merlin;
    }
}
