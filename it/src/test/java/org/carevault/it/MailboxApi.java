package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.carevault.crypto.etk.EncryptionToken;
import org.carevault.crypto.pki.Credential;
import org.carevault.crypto.pki.Pem;
import org.carevault.crypto.pki.Pkcs12;

/** The mailbox as medical software uses it over REST, for the wire tests. */
final class MailboxApi {

    static final String MAILBOX = "/api/v1/mailbox";

    /** Demo user name, token role and box of the three professionals the tests use. */
    record Party(String user, String role, String box) {
        Credential authentication() {
            return SoapAuthenticationIT.demo(user);
        }

        Credential encryption() {
            return Pkcs12.readCredential(Stack.PKI.resolve(user + "-encryption.p12"),
                    Stack.secret("pki.demo-password").toCharArray());
        }

        String token() {
            return ConsentApi.token(role);
        }
    }

    static final Party GP = new Party("gp.peeters", "physician", "SSIN:72081012378:PHYSICIAN");
    static final Party PHARMACIST = new Party("pharm.janssens", "pharmacist", "SSIN:85021445650:PHARMACIST");
    static final Party NURSE = new Party("nurse.maes", "nurse", "SSIN:90050123412:NURSE");

    private MailboxApi() {
    }

    static List<X509Certificate> trust() {
        return List.of(Pem.read(Stack.PKI.resolve("ca.pem")));
    }

    /** Publishes the party's encryption token (its encryption certificate signed with its authentication key). */
    static HttpResponse<String> publish(Party party) {
        return postBytes("/api/v1/etks", party.token(),
                EncryptionToken.create(party.authentication(), party.encryption().certificate()));
    }

    /** GetEtk, each token verified by the sender as medical software must: the encryption certificates. */
    static List<X509Certificate> lookup(Party sender, String box) {
        HttpResponse<String> response = Http.get("/api/v1/etks?box=" + encode(box), sender.token());
        assertEquals(200, response.statusCode(), response.body());
        List<X509Certificate> certificates = new ArrayList<>();
        for (JsonNode etk : Http.json(response)) {
            certificates.add(EncryptionToken.verify(Base64.getDecoder().decode(etk.get("token").asText()), trust(), Instant.now())
                    .encryptionCertificate());
        }
        return certificates;
    }

    static HttpResponse<String> send(Party sender, String query, byte[] sealed) {
        return postBytes(MAILBOX + "/messages?" + query, sender.token(), sealed);
    }

    static String query(String publicationId, Map<String, String> extra, String... recipients) {
        StringBuilder query = new StringBuilder("publicationId=" + encode(publicationId));
        for (String recipient : recipients) {
            query.append("&to=").append(encode(recipient));
        }
        extra.forEach((name, value) -> query.append('&').append(name).append('=').append(encode(value)));
        return query.toString();
    }

    static HttpResponse<byte[]> content(Party reader, String messageId) {
        return Http.CLIENT_BYTES.apply(MAILBOX + "/messages/" + messageId + "/content", reader.token());
    }

    static JsonNode list(Party owner, String folder) {
        HttpResponse<String> response = Http.get(MAILBOX + "/messages?folder=" + folder + "&limit=100", owner.token());
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    static boolean holds(Party owner, String folder, String messageId) {
        for (JsonNode message : list(owner, folder)) {
            if (message.get("id").asText().equals(messageId)) {
                return true;
            }
        }
        return false;
    }

    static JsonNode info(Party owner) {
        return Http.json(Http.get(MAILBOX, owner.token()));
    }

    static HttpResponse<String> postBytes(String path, String bearer, byte[] body) {
        return Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
