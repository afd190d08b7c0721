package org.carevault.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A thin java.net.http client for the tests. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /**
     * Every status the hub answered to a REST request of the wire tests, by method and path, for OpenApiCoverageIT
     * (which checks each is declared for its operation); the file is emptied by each start of the test stack.
     */
    static final Path OBSERVED = Stack.RUN_DIR.resolve("logs/observed-statuses.tsv");

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            observe(built, response.statusCode());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void observe(HttpRequest request, int status) throws IOException {
        String path = request.uri().getRawPath();
        if (path.startsWith("/api/v1/") && Files.isDirectory(OBSERVED.getParent())) {
            Files.writeString(OBSERVED, request.method() + "\t" + path + "\t" + status + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** A GET whose body is kept as bytes (for byte-for-byte comparisons). */
    static final java.util.function.BiFunction<String, String, HttpResponse<byte[]>> CLIENT_BYTES = (path, bearer) -> {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(Stack.HUB + path)).header("Authorization", "Bearer " + bearer)
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    };

    static HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.HUB + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    static HttpResponse<String> put(String path, String bearer, String contentType, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(URI.create(Stack.HUB + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", contentType)
                .PUT(body));
    }

    static HttpResponse<String> postJson(String path, String bearer, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.HUB + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    static HttpResponse<String> putJson(String path, String bearer, String json) {
        return put(path, bearer, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpResponse<String> delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(Stack.HUB + path)).header("Authorization", "Bearer " + bearer).DELETE());
    }

    static HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
