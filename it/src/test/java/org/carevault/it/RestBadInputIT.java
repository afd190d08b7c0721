package org.carevault.it;

import static org.carevault.it.RestAuthenticationIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad REST input gets a coded problem, changes nothing, and the server keeps serving. */
class RestBadInputIT {

    private static final String PREFERENCES = "/api/v1/me/preferences";
    private static String token;

    @BeforeAll
    static void storeAKnownPreference() {
        token = Tokens.password("nurse.maes");
        HttpResponse<String> set = Http.put(PREFERENCES, token, "application/json", BodyPublishers.ofString("{\"language\":\"fr\"}"));
        assertEquals(200, set.statusCode(), set::body);
    }

    @Test
    void malformedJsonIs400AndChangesNothing() {
        assertRefused(BodyPublishers.ofString("{\"language\": \"nl\""), "application/json", 400, "CV-REQ-001");
    }

    @Test
    void wellFormedButInvalidValuesAre400() {
        assertRefused(BodyPublishers.ofString("{\"language\":\"xx\"}"), "application/json", 400, "CV-REQ-002");
        assertRefused(BodyPublishers.ofString("{\"language\":42}"), "application/json", 400, "CV-REQ-002");
        assertRefused(BodyPublishers.ofString("{\"language\":\"nl\",\"role\":\"admin\"}"), "application/json", 400, "CV-REQ-002");
        assertRefused(BodyPublishers.ofString("[\"nl\"]"), "application/json", 400, "CV-REQ-001");
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        assertRefused(BodyPublishers.ofString("<language>nl</language>"), "application/xml", 415, "CV-REQ-004");
    }

    @Test
    void aBodyOverTheJsonLimitIs413() {
        String big = "{\"language\":\"nl\",\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertRefused(BodyPublishers.ofString(big), "application/json", 413, "CV-REQ-003");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() {
        byte[] chunk = ("{\"language\":\"nl\",\"padding\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();
        // A publisher without a known length makes the client send it chunked, without Content-Length.
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher inner = BodyPublishers.ofByteArrays(List.of(chunk));

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
        assertRefused(chunked, "application/json", 413, "CV-REQ-003");
    }

    @Test
    void aBodyOverTheServerLimitIsRefusedAndTheServerKeepsServing() {
        byte[] huge = new byte[13 * 1024 * 1024];
        HttpResponse<String> response = Http.put(PREFERENCES, token, "application/json", BodyPublishers.ofByteArray(huge));
        assertEquals(413, response.statusCode(), response::body);
        assertLanguageStill("fr");
    }

    @Test
    void anUnknownPathIs404WithAProblem() {
        HttpResponse<String> response = Http.get("/api/v1/no-such-thing", token);
        assertEquals(404, response.statusCode());
        assertProblem(response, "CV-REQ-005");
    }

    @Test
    void aWrongMethodIs405WithAProblem() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(Stack.HUB + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).DELETE());
        assertEquals(405, response.statusCode());
        assertProblem(response, "CV-REQ-006");
    }

    private static void assertRefused(HttpRequest.BodyPublisher body, String contentType, int status, String code) {
        HttpResponse<String> response = Http.put(PREFERENCES, token, contentType, body);
        assertEquals(status, response.statusCode(), response::body);
        assertProblem(response, code);
        assertLanguageStill("fr");
    }

    private static void assertLanguageStill(String language) {
        HttpResponse<String> me = Http.get("/api/v1/me", token);
        assertEquals(200, me.statusCode(), "the server keeps serving");
        assertEquals(language, Http.json(me).get("language").asText(), "nothing was stored");
        assertTrue(me.body().contains("\"nurse\""));
    }
}
