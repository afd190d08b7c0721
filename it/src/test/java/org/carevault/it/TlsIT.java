package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The hub's HTTPS listener as a client meets it: a handshake matrix (protocol × cipher suite → accepted or refused),
 * the certificate checked against the demo CA, and HSTS on HTTPS answers.
 */
class TlsIT {

    private static SSLContext trustingTheDemoCa() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Stack.PKI.resolve("truststore.p12"))) {
            trust.load(in, Stack.secret("pki.truststore-password").toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Handshakes offering only this protocol and suite; returns the suite agreed. */
    private static String handshake(String protocol, String suite) throws Exception {
        SSLContext context = trustingTheDemoCa();
        Assumptions.assumeTrue(Arrays.asList(context.getSupportedSSLParameters().getCipherSuites()).contains(suite)
                && Arrays.asList(context.getSupportedSSLParameters().getProtocols()).contains(protocol),
                "NOTICE: this JDK cannot offer " + protocol + " " + suite);
        URI hub = URI.create(Stack.HUB_TLS);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(hub.getHost(), hub.getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {protocol});
            parameters.setCipherSuites(new String[] {suite});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            assertEquals(protocol, socket.getSession().getProtocol());
            return socket.getSession().getCipherSuite();
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "TLSv1.3, TLS_AES_128_GCM_SHA256, accepted",
        "TLSv1.3, TLS_AES_256_GCM_SHA384, accepted",
        "TLSv1.3, TLS_CHACHA20_POLY1305_SHA256, accepted",
        "TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, accepted",
        "TLSv1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, accepted",
        "TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA, refused",
        "TLSv1.2, TLS_RSA_WITH_AES_128_GCM_SHA256, refused",
        "TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, refused",
        "TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, refused",
        "TLSv1.2, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, refused"})
    void handshakeMatrix(String protocol, String suite, String outcome) throws Exception {
        if ("accepted".equals(outcome)) {
            assertEquals(suite, handshake(protocol, suite));
        } else {
            assertThrows(SSLHandshakeException.class, () -> handshake(protocol, suite));
        }
    }

    @Test
    void olderProtocolsAreRefused() throws Exception {
        SSLContext context = trustingTheDemoCa();
        URI hub = URI.create(Stack.HUB_TLS);
        for (String protocol : List.of("TLSv1.1", "TLSv1")) {
            // The JDK client may itself refuse to offer them (jdk.tls.disabledAlgorithms): either way, no session.
            assertThrows(IOException.class, () -> {
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(hub.getHost(), hub.getPort())) {
                    socket.setEnabledProtocols(new String[] {protocol});
                    socket.startHandshake();
                }
            }, protocol);
        }
    }

    @Test
    void httpsAnswersCarryHsts() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheDemoCa()).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(Stack.HUB_TLS + "/api/v1/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals("max-age=31536000", response.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertTrue(response.sslSession().isPresent());
        assertEquals("TLSv1.3", response.sslSession().get().getProtocol(), "a current client gets TLS 1.3");
        HttpResponse<String> plain = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/api/v1/me")).GET());
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "never over plain HTTP (RFC 6797 §7.2)");
    }
}
