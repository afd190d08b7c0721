package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access matrix over the wire, with real tokens: {physician, pharmacist, nurse, hospital,
 * other patient, the patient} × {no consent, consent, consent + link, consent + expired link,
 * consent + revoked link, exclusion, break-the-glass with a valid and with an invalid reason} ×
 * {read, write} of the medication schedule → the decision, AND the audit entry it leaves in the
 * patient's trail. The expected outcomes are written out by hand from the rules.
 */
class AccessMatrixIT {

    enum State {
        NO_CONSENT, CONSENT, LINK, EXPIRED_LINK, REVOKED_LINK, EXCLUDED, BREAK_GLASS, BREAK_GLASS_BAD_REASON,
        LINK_AND_BREAK_GLASS, LINK_AND_BAD_REASON
    }

    // One column per State, in order. A malformed break-the-glass reason is 400 whatever else would permit.
    private static final String BAD = "BREAK_GLASS_REASON_INVALID";
    private static final String BTG_ROLE = "NO_CONSENT NO_THERAPEUTIC_RELATIONSHIP PERMIT NO_THERAPEUTIC_RELATIONSHIP "
            + "NO_THERAPEUTIC_RELATIONSHIP EXCLUDED PERMIT " + BAD + " PERMIT " + BAD;
    private static final String NO_BTG_ROLE = "NO_CONSENT NO_THERAPEUTIC_RELATIONSHIP PERMIT NO_THERAPEUTIC_RELATIONSHIP "
            + "NO_THERAPEUTIC_RELATIONSHIP EXCLUDED ROLE_NOT_ALLOWED " + BAD + " PERMIT " + BAD;
    private static final String REFUSED = "ROLE_NOT_ALLOWED ".repeat(7) + BAD + " ROLE_NOT_ALLOWED " + BAD;
    private static final String OWN = "PERMIT ".repeat(7) + BAD + " PERMIT " + BAD;

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("physician READ", BTG_ROLE), Map.entry("physician WRITE", BTG_ROLE),
            Map.entry("nurse READ", BTG_ROLE), Map.entry("nurse WRITE", BTG_ROLE),
            Map.entry("pharmacist READ", NO_BTG_ROLE), Map.entry("pharmacist WRITE", NO_BTG_ROLE),
            Map.entry("hospital READ", NO_BTG_ROLE), Map.entry("hospital WRITE", NO_BTG_ROLE),
            Map.entry("patient READ", OWN), Map.entry("patient WRITE", REFUSED),
            Map.entry("other-patient READ", REFUSED), Map.entry("other-patient WRITE", REFUSED));

    private static final List<String> PROFESSIONALS = List.of("physician", "pharmacist", "nurse", "hospital");

    /** For each professional and state: a fresh patient in that state (set up once, links expire together). */
    private static final Map<String, String> PATIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void setUpStates() throws InterruptedException {
        for (String professional : PROFESSIONALS) {
            for (State state : State.values()) {
                if (state != State.EXCLUDED) {
                    PATIENTS.put(professional + " " + state, prepare(professional, state));
                }
            }
        }
        Thread.sleep(3_000);  // the EXPIRED_LINK relationships were made to end 2 s after they started
    }

    private static String prepare(String professional, State state) {
        String ref = ConsentApi.resolve(ConsentApi.newSsin());
        if (state == State.NO_CONSENT) {
            ConsentApi.putConsentAsProfessional(ref, professional);
            ConsentApi.linkId(ref, professional);
            assertEquals(200, ConsentApi.revokeConsentAsProfessional(ref, professional).statusCode());
            return ref;
        }
        ConsentApi.putConsentAsProfessional(ref, professional);
        switch (state) {
            case LINK, LINK_AND_BREAK_GLASS, LINK_AND_BAD_REASON -> ConsentApi.linkId(ref, professional);
            case EXPIRED_LINK -> {
                java.time.Instant start = java.time.Instant.now();
                assertEquals(201, ConsentApi.putLink(ref, professional, ",\"start\":\"" + start + "\",\"end\":\""
                        + start.plusSeconds(2) + "\"").statusCode());
            }
            case REVOKED_LINK -> assertEquals(204, Http.delete(ConsentApi.BASE + ref + "/therapeutic-links/"
                    + ConsentApi.linkId(ref, professional), ConsentApi.token(professional)).statusCode());
            default -> { }
        }
        return ref;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String caller : List.of("physician", "pharmacist", "nurse", "hospital", "patient", "other-patient")) {
            for (String operation : List.of("READ", "WRITE")) {
                String[] row = EXPECTED.get(caller + " " + operation).split(" ");
                for (State state : State.values()) {
                    cases.add(Arguments.of(caller, state, operation, row[state.ordinal()]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2}s the medication schedule with {1} → {3}")
    @MethodSource("matrix")
    void decisionAndAuditEntry(String caller, State state, String operation, String expected) {
        boolean professional = PROFESSIONALS.contains(caller);
        String ref;
        String exclusionId = null;
        if (!professional) {
            ref = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
        } else if (state == State.EXCLUDED) {
            ref = ConsentApi.resolve(ConsentApi.DEVOS_SSIN);
            exclusionId = exclude(ref, caller);
        } else {
            ref = PATIENTS.get(caller + " " + state);
        }
        String reason = switch (state) {
            case BREAK_GLASS, LINK_AND_BREAK_GLASS -> ConsentApi.GOOD_REASON;
            case BREAK_GLASS_BAD_REASON -> "urgent";
            case LINK_AND_BAD_REASON -> "x".repeat(201);
            default -> null;
        };
        try {
            String outcome = ConsentApi.outcome(ConsentApi.check(ref, caller, "MEDICATION_SCHEME",
                    operation, reason));
            assertEquals(expected, outcome);

            JsonNode entry = ConsentApi.lastEntry(ref, "CheckAccess");
            assertEquals(professional ? ConsentApi.CALLER_IDS.get(caller) : ConsentApi.resolve(ConsentApi.CALLER_IDS.get(caller)),
                    entry.get("callerId").asText(), "who (a patient by their reference, never by SSIN)");
            assertEquals(expected, entry.get("decision").asText(), "the decision recorded");
            assertEquals("MEDICATION_SCHEME", entry.get("dataType").asText());
            assertEquals(operation, entry.get("operation").asText());
            assertEquals("REST", entry.get("channel").asText());
            boolean brokeTheGlass = professional && state == State.BREAK_GLASS && "PERMIT".equals(expected);
            assertEquals(brokeTheGlass, entry.get("breakTheGlass").asBoolean(), "break-the-glass shown to the patient");
            // A well-formed reason is recorded whatever the decision; with a relationship, the relationship is the basis.
            boolean reasonGiven = state == State.BREAK_GLASS || state == State.LINK_AND_BREAK_GLASS;
            assertEquals(reasonGiven ? ConsentApi.GOOD_REASON : null,
                    entry.has("breakTheGlassReason") ? entry.get("breakTheGlassReason").asText() : null, "reason recorded");
            if (state == State.LINK_AND_BREAK_GLASS && "PERMIT".equals(expected) && professional) {
                assertEquals("THERAPEUTIC_RELATIONSHIP", entry.get("basis").asText());
            }
        } finally {
            if (exclusionId != null) {
                assertEquals(204, Http.delete(ConsentApi.BASE + ref + "/exclusions/" + exclusionId,
                        ConsentApi.token("patient")).statusCode());
            }
        }
    }

    /** The patient (devos) consents, the professional links, then the patient excludes the professional. */
    private static String exclude(String ref, String professional) {
        Http.putJson(ConsentApi.BASE + ref + "/consent", ConsentApi.token("patient"), "{}");
        ConsentApi.linkId(ref, professional);
        String party = "hospital".equals(professional) ? "{\"type\":\"NIHII\",\"id\":\"71099812\"}"
                : "{\"type\":\"SSIN\",\"id\":\"" + ConsentApi.CALLER_IDS.get(professional) + "\"}";
        var response = Http.postJson(ConsentApi.BASE + ref + "/exclusions", ConsentApi.token("patient"),
                "{\"party\":" + party + "}");
        assertTrue(response.statusCode() == 201, response::body);
        return Http.json(response).get("id").asText();
    }
}
