package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** WildFly's readiness and liveness endpoints report the application and its database. */
class HealthIT {

    private static final String MANAGEMENT = System.getProperty("carevault.it.management-url", "http://127.0.0.1:10290");

    @Test
    void readinessReportsTheDeploymentAndTheMigratedDatabase() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(MANAGEMENT + "/health/ready")));
        assertEquals(200, response.statusCode(), response::body);
        JsonNode health = Http.json(response);
        assertEquals("UP", health.get("status").asText());
        JsonNode database = check(health, "carevault-database");
        assertEquals("UP", database.get("status").asText());
        assertEquals(true, database.get("data").get("connection").asBoolean());
        assertEquals(newestMigration(), database.get("data").get("schemaVersion").asText(), "every migration applied");
        assertEquals("OK", check(health, "deployments-status").get("data").get("carevault.ear").asText());
    }

    /**
     * The version of the newest Flyway migration the EJB module ships for the stack's database (V<n>__*.sql): those of
     * every database, and on PostgreSQL its own too.
     */
    private static String newestMigration() {
        try {
            java.util.List<String> scripts = new java.util.ArrayList<>(Classpath.list("db/migration", ".sql"));
            if ("postgresql".equals(Stack.serverProperty("carevault.db.kind"))) {
                scripts.addAll(Classpath.list("db/postgresql", ".sql"));
            }
            return scripts.stream()
                    .map(name -> name.substring(name.lastIndexOf("/V") + 2, name.indexOf("__")))
                    .max(java.util.Comparator.comparingInt(Integer::parseInt)).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(MANAGEMENT + "/health/live")));
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("UP", Http.json(response).get("status").asText());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (name.equals(check.get("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }
}
