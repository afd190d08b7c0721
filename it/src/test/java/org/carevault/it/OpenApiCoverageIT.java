package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After the whole wire suite (failsafe execution "crash", before the server is killed): every status the hub answered
 * to a REST request of the suite — thousands, from the fuzz test and every functional test — is declared in the served
 * OpenAPI document for the operation that answered it. A document that leaves out what the hub does is refused here.
 */
class OpenApiCoverageIT {

    private record Template(String path, Pattern pattern, int literals) {
    }

    @Test
    void everyObservedStatusIsDeclaredForItsOperation() throws Exception {
        OpenAPI document = OpenApiIT.served();
        List<Template> templates = new ArrayList<>();
        document.getPaths().keySet().forEach(path -> templates.add(new Template(path,
                Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
                (int) java.util.Arrays.stream(path.split("/")).filter(s -> !s.startsWith("{")).count())));
        templates.sort(Comparator.comparingInt(Template::literals).reversed());

        List<String> lines = Files.readAllLines(Http.OBSERVED, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 1000, "the suite's requests were recorded: " + lines.size());
        Set<String> undeclared = new TreeSet<>();
        Set<String> operations = new TreeSet<>();
        for (String line : lines) {
            String[] fields = line.split("\t");
            String method = fields[0];
            String status = fields[2];
            Template template = templates.stream().filter(t -> t.pattern().matcher(fields[1]).matches()).findFirst().orElse(null);
            if (template == null) {
                continue;  // no such path: nothing to declare
            }
            Operation operation = document.getPaths().get(template.path()).readOperationsMap().entrySet().stream()
                    .filter(e -> e.getKey().name().equals(method.toUpperCase(Locale.ROOT))).map(java.util.Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (operation == null) {
                continue;  // a method the path does not have (405): not an operation
            }
            operations.add(method + " " + template.path());
            if (!operation.getResponses().containsKey(status)) {
                undeclared.add(method + " " + template.path() + " → " + status);
            }
        }
        System.out.println("OpenAPI coverage: " + lines.size() + " answers observed over " + operations.size() + " operations");
        assertEquals(Set.of(), undeclared, "statuses the hub answered that the document does not declare");
    }
}
