package org.carevault.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.carevault.crypto.identity.Nihii;
import org.carevault.domain.Assurance;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.carevault.domain.consent.PatientRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision as a matrix: caller × patient state × data type × operation → expected code. The
 * expectations are written out by hand from the rules in the issue, not derived from the code.
 */
class AccessPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final PatientRef DEVOS = new PatientRef("AAAAAAAAAAAAAAAAAAAAAAAA");
    private static final PatientRef CLAES = new PatientRef("BBBBBBBBBBBBBBBBBBBBBBBB");
    private static final String GOOD_REASON = "Unconscious patient at the emergency department";

    private static final Caller PHYSICIAN = person("72081012378", "12345625004", Role.PHYSICIAN);
    private static final Caller PHARMACIST = person("85021445650", "41234502000", Role.PHARMACIST);
    private static final Caller NURSE = person("90050123412", "51234509401", Role.NURSE);
    private static final Caller HOSPITAL = new Caller(PartyId.organisation("71099812"), Role.HOSPITAL,
            Optional.of(Nihii.of("71099812")), "AZ", Channel.REST);
    private static final Caller PATIENT = person("55032001180", null, Role.PATIENT);
    private static final Caller OTHER_PATIENT = person("62070834587", null, Role.PATIENT);

    private static Caller person(String ssin, String nihii, Role role) {
        return new Caller(PartyId.person(ssin), role, Optional.ofNullable(nihii).map(Nihii::of), "", Channel.REST);
    }

    private final AccessPolicy policy = new AccessPolicy(AccessMatrix.defaults());

    /** The patient states of the matrix, for a given care-provider caller. */
    enum State {
        NO_CONSENT, CONSENT, LINK, EXPIRED_LINK, REVOKED_LINK, EXCLUDED, BREAK_GLASS, BREAK_GLASS_BAD_REASON,
        LINK_AND_BREAK_GLASS, LINK_AND_BAD_REASON;

        PatientAccessState of(Caller provider) {
            PartyKey party = PartyKey.of(provider.id());
            var active = new PatientAccessState.Relationship(party, provider.role(), NOW.minus(Duration.ofDays(10)),
                    NOW.plus(Duration.ofDays(400)));
            var expired = new PatientAccessState.Relationship(party, provider.role(), NOW.minus(Duration.ofDays(500)),
                    NOW.minus(Duration.ofSeconds(1)));
            return switch (this) {
                case NO_CONSENT -> new PatientAccessState(false, List.of(active), Set.of());
                case CONSENT, REVOKED_LINK, BREAK_GLASS, BREAK_GLASS_BAD_REASON -> new PatientAccessState(true, List.of(), Set.of());
                case LINK, LINK_AND_BREAK_GLASS, LINK_AND_BAD_REASON -> new PatientAccessState(true, List.of(active), Set.of());
                case EXPIRED_LINK -> new PatientAccessState(true, List.of(expired), Set.of());
                case EXCLUDED -> new PatientAccessState(true, List.of(active), Set.of(party));
            };
        }

        Optional<String> reason() {
            return switch (this) {
                case BREAK_GLASS, LINK_AND_BREAK_GLASS -> Optional.of(GOOD_REASON);
                case BREAK_GLASS_BAD_REASON, LINK_AND_BAD_REASON -> Optional.of("urgent");
                default -> Optional.empty();
            };
        }
    }

    // Columns: NO_CONSENT, CONSENT, LINK, EXPIRED_LINK, REVOKED_LINK, EXCLUDED, BREAK_GLASS, BREAK_GLASS_BAD_REASON,
    // LINK_AND_BREAK_GLASS, LINK_AND_BAD_REASON. A malformed reason is refused whatever else would permit.
    private static final String BAD = "BREAK_GLASS_REASON_INVALID";
    private static final String BTG_ROLE = "NO_CONSENT NO_THERAPEUTIC_RELATIONSHIP PERMIT NO_THERAPEUTIC_RELATIONSHIP "
            + "NO_THERAPEUTIC_RELATIONSHIP EXCLUDED PERMIT " + BAD + " PERMIT " + BAD;
    private static final String NO_BTG_ROLE = "NO_CONSENT NO_THERAPEUTIC_RELATIONSHIP PERMIT NO_THERAPEUTIC_RELATIONSHIP "
            + "NO_THERAPEUTIC_RELATIONSHIP EXCLUDED ROLE_NOT_ALLOWED " + BAD + " PERMIT " + BAD;
    private static final String REFUSED = "ROLE_NOT_ALLOWED ".repeat(7) + BAD + " ROLE_NOT_ALLOWED " + BAD;
    private static final String OWN = "PERMIT ".repeat(7) + BAD + " PERMIT " + BAD;

    static Stream<Arguments> matrix() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("PHYSICIAN MEDICATION_SCHEME READ", BTG_ROLE),
                Map.entry("PHYSICIAN MEDICATION_SCHEME WRITE", BTG_ROLE),
                Map.entry("NURSE MEDICATION_SCHEME READ", BTG_ROLE),
                Map.entry("NURSE MEDICATION_SCHEME WRITE", BTG_ROLE),
                Map.entry("PHARMACIST MEDICATION_SCHEME READ", NO_BTG_ROLE),
                Map.entry("PHARMACIST MEDICATION_SCHEME WRITE", NO_BTG_ROLE),
                Map.entry("HOSPITAL MEDICATION_SCHEME READ", NO_BTG_ROLE),
                Map.entry("HOSPITAL MEDICATION_SCHEME WRITE", NO_BTG_ROLE),
                Map.entry("PATIENT MEDICATION_SCHEME READ", OWN),
                Map.entry("PATIENT MEDICATION_SCHEME WRITE", REFUSED),
                Map.entry("OTHER_PATIENT MEDICATION_SCHEME READ", REFUSED),
                Map.entry("OTHER_PATIENT MEDICATION_SCHEME WRITE", REFUSED),
                Map.entry("PHYSICIAN SUMEHR READ", BTG_ROLE),
                Map.entry("PHYSICIAN SUMEHR WRITE", BTG_ROLE),
                Map.entry("NURSE SUMEHR READ", BTG_ROLE),
                Map.entry("NURSE SUMEHR WRITE", REFUSED),
                Map.entry("PHARMACIST SUMEHR READ", REFUSED),
                Map.entry("PHARMACIST SUMEHR WRITE", REFUSED),
                Map.entry("HOSPITAL SUMEHR READ", NO_BTG_ROLE),
                Map.entry("HOSPITAL SUMEHR WRITE", NO_BTG_ROLE),
                Map.entry("PATIENT SUMEHR READ", OWN),
                Map.entry("PATIENT SUMEHR WRITE", REFUSED),
                Map.entry("OTHER_PATIENT SUMEHR READ", REFUSED),
                Map.entry("OTHER_PATIENT SUMEHR WRITE", REFUSED),
                Map.entry("PHYSICIAN VACCINATION READ", BTG_ROLE),
                Map.entry("PHYSICIAN VACCINATION WRITE", BTG_ROLE),
                Map.entry("NURSE VACCINATION READ", BTG_ROLE),
                Map.entry("NURSE VACCINATION WRITE", BTG_ROLE),
                Map.entry("PHARMACIST VACCINATION READ", NO_BTG_ROLE),
                Map.entry("PHARMACIST VACCINATION WRITE", NO_BTG_ROLE),
                Map.entry("HOSPITAL VACCINATION READ", NO_BTG_ROLE),
                Map.entry("HOSPITAL VACCINATION WRITE", REFUSED),
                Map.entry("PATIENT VACCINATION READ", OWN),
                Map.entry("PATIENT VACCINATION WRITE", REFUSED),
                Map.entry("OTHER_PATIENT VACCINATION READ", REFUSED),
                Map.entry("OTHER_PATIENT VACCINATION WRITE", REFUSED));
        Map<String, Caller> callers = Map.of("PHYSICIAN", PHYSICIAN, "NURSE", NURSE, "PHARMACIST", PHARMACIST,
                "HOSPITAL", HOSPITAL, "PATIENT", PATIENT, "OTHER_PATIENT", OTHER_PATIENT);
        List<Arguments> cases = new ArrayList<>();
        expected.forEach((key, row) -> {
            String[] parts = key.split(" ");
            String[] outcomes = row.split(" ");
            for (State state : State.values()) {
                cases.add(Arguments.of(parts[0], callers.get(parts[0]), DataType.valueOf(parts[1]),
                        Operation.valueOf(parts[2]), state, DecisionCode.valueOf(outcomes[state.ordinal()])));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2} {3} with {4} → {5}")
    @MethodSource("matrix")
    void theMatrix(String name, Caller caller, DataType type, Operation operation, State state, DecisionCode expected) {
        // A patient's state is built around the GP, so that the patient's own access ignores it.
        PatientAccessState patientState = state.of(caller.role().isCareProvider() ? caller : PHYSICIAN);
        Optional<PatientRef> self = caller == PATIENT ? Optional.of(DEVOS) : caller == OTHER_PATIENT ? Optional.of(CLAES)
                : Optional.empty();
        Decision decision = policy.decide(new AccessRequest(Optional.of(caller), self, Optional.of(DEVOS), type, operation,
                state.reason()), patientState, NOW);
        assertEquals(expected, decision.code());
        assertEquals(state == State.BREAK_GLASS && expected == DecisionCode.PERMIT && caller.role().isCareProvider(),
                decision.breakTheGlass(), "recorded as break-the-glass (with a relationship, the relationship permits)");
    }

    @Test
    void anUnauthenticatedRequestIsRefusedFirst() {
        assertEquals(DecisionCode.NOT_AUTHENTICATED, policy.decide(new AccessRequest(Optional.empty(), Optional.empty(),
                Optional.of(DEVOS), DataType.MEDICATION_SCHEME, Operation.READ, Optional.empty()),
                State.LINK.of(PHYSICIAN), NOW).code());
    }

    @Test
    void breakTheGlassNeverPassesConsentOrAnExclusion() {
        for (State state : List.of(State.NO_CONSENT, State.EXCLUDED)) {
            Decision decision = policy.decide(new AccessRequest(Optional.of(PHYSICIAN), Optional.empty(), Optional.of(DEVOS),
                    DataType.MEDICATION_SCHEME, Operation.READ, Optional.of(GOOD_REASON)),
                    new PatientAccessState(state == State.EXCLUDED, List.of(), state == State.EXCLUDED
                            ? Set.of(PartyKey.of(PHYSICIAN.id())) : Set.of()), NOW);
            assertEquals(state == State.EXCLUDED ? DecisionCode.EXCLUDED : DecisionCode.NO_CONSENT, decision.code());
        }
    }

    @Test
    void aRelationshipCountsOnlyInItsRoleAndItsPeriod() {
        PartyKey gp = PartyKey.of(PHYSICIAN.id());
        var relationship = new PatientAccessState.Relationship(gp, Role.NURSE, NOW, NOW.plusSeconds(60));
        PatientAccessState state = new PatientAccessState(true, List.of(relationship), Set.of());
        assertEquals(DecisionCode.NO_THERAPEUTIC_RELATIONSHIP, read(PHYSICIAN, state, NOW).code(), "another role");
        Caller sameAsNurse = new Caller(PHYSICIAN.id(), Role.NURSE, PHYSICIAN.nihii(), "", Channel.SOAP);
        assertEquals(DecisionCode.PERMIT, read(sameAsNurse, state, NOW).code(), "start is inclusive");
        assertEquals(DecisionCode.NO_THERAPEUTIC_RELATIONSHIP, read(sameAsNurse, state, NOW.plusSeconds(60)).code(),
                "end is exclusive");
        assertEquals(DecisionCode.NO_THERAPEUTIC_RELATIONSHIP, read(sameAsNurse, state, NOW.minusSeconds(1)).code(),
                "not yet started");
    }

    @Test
    void anExcludedOrganisationRefusesItsCallsButNotOtherParties() {
        PatientAccessState state = new PatientAccessState(true, List.of(new PatientAccessState.Relationship(
                PartyKey.of(HOSPITAL.id()), Role.HOSPITAL, NOW.minusSeconds(5), NOW.plusSeconds(5))),
                Set.of(PartyKey.of(HOSPITAL.id())));
        assertEquals(DecisionCode.EXCLUDED, read(HOSPITAL, state, NOW).code());
        assertEquals(DecisionCode.NO_THERAPEUTIC_RELATIONSHIP, read(PHYSICIAN, state, NOW).code());
    }

    @Test
    void managementOperations() {
        PatientAccessState none = PatientAccessState.UNKNOWN;
        assertEquals(DecisionCode.PERMIT, decide(PHYSICIAN, DataType.CONSENT, Operation.WRITE, none).code(),
                "a professional registers consent for a patient who has none yet");
        assertEquals(DecisionCode.NO_CONSENT, decide(PHYSICIAN, DataType.THERAPEUTIC_LINK, Operation.WRITE, none).code(),
                "no relationship without consent");
        assertEquals(DecisionCode.EXCLUDED, decide(PHYSICIAN, DataType.THERAPEUTIC_LINK, Operation.WRITE,
                new PatientAccessState(true, List.of(), Set.of(PartyKey.of(PHYSICIAN.id())))).code(),
                "an excluded professional cannot create a relationship");
        PatientAccessState excludedWithoutConsent = new PatientAccessState(false, List.of(),
                Set.of(PartyKey.of(PHYSICIAN.id())));
        assertEquals(DecisionCode.PERMIT, policy.decide(new AccessRequest(Optional.of(PHYSICIAN), Optional.empty(),
                Optional.of(DEVOS), DataType.THERAPEUTIC_LINK, Operation.WRITE, Optional.empty(), true),
                excludedWithoutConsent, NOW).code(), "revoking one's own relationship is always possible");
        assertEquals(DecisionCode.ROLE_NOT_ALLOWED, decide(PHYSICIAN, DataType.EXCLUSION, Operation.READ, none).code());
        assertEquals(DecisionCode.ROLE_NOT_ALLOWED, decide(PHYSICIAN, DataType.AUDIT_TRAIL, Operation.READ, none).code());
        assertEquals(DecisionCode.PERMIT, decide(PATIENT, DataType.EXCLUSION, Operation.WRITE, none).code());
        assertEquals(DecisionCode.ROLE_NOT_ALLOWED, decide(OTHER_PATIENT, DataType.AUDIT_TRAIL, Operation.READ, none).code());
        Caller admin = person("80010100107", null, Role.ADMIN);
        assertEquals(DecisionCode.PERMIT, decide(admin, DataType.AUDIT_TRAIL, Operation.READ, none).code());
        assertEquals(DecisionCode.ROLE_NOT_ALLOWED, decide(admin, DataType.MEDICATION_SCHEME, Operation.READ, none).code());
    }

    /**
     * OTHER_PATIENT (Claes) as Devos's proxy: everything Devos may do as a patient, in its period, except changing
     * who the proxies are; nothing once it has ended, nothing before it starts, nothing for a patient they are not a
     * proxy of; never what Devos himself may not do.
     */
    @Test
    void aProxyActsWithThePatientsRightsExceptOnProxies() {
        var proxy = new PatientAccessState.Proxy(CLAES.value(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        PatientAccessState withProxy = new PatientAccessState(true, List.of(), Set.of(), List.of(proxy));
        Map<String, DecisionCode> expected = Map.of(
                "MEDICATION_SCHEME READ", DecisionCode.PERMIT,
                "MEDICATION_SCHEME WRITE", DecisionCode.ROLE_NOT_ALLOWED,
                "SUMEHR READ", DecisionCode.PERMIT,
                "CONSENT WRITE", DecisionCode.PERMIT,
                "THERAPEUTIC_LINK WRITE", DecisionCode.PERMIT,
                "EXCLUSION WRITE", DecisionCode.PERMIT,
                "AUDIT_TRAIL READ", DecisionCode.PERMIT,
                "PROXY READ", DecisionCode.PERMIT,
                "PROXY WRITE", DecisionCode.ROLE_NOT_ALLOWED,
                "MESSAGE READ", DecisionCode.ROLE_NOT_ALLOWED);
        expected.forEach((what, code) -> {
            String[] parts = what.split(" ");
            Decision decision = decide(OTHER_PATIENT, DataType.valueOf(parts[0]), Operation.valueOf(parts[1]), withProxy);
            assertEquals(code, decision.code(), what);
            if (decision.permitted()) {
                assertEquals(Decision.Basis.PROXY, decision.basis(), what);
            }
        });
        assertEquals(Decision.Basis.OWN_DATA, decide(PATIENT, DataType.PROXY, Operation.WRITE, withProxy).basis(),
                "the patient changes their own proxies");
        PatientAccessState ended = new PatientAccessState(true, List.of(), Set.of(), List.of(
                new PatientAccessState.Proxy(CLAES.value(), NOW.minus(Duration.ofDays(30)), NOW)));
        assertEquals(DecisionCode.ROLE_NOT_ALLOWED, decide(OTHER_PATIENT, DataType.CONSENT, Operation.WRITE, ended).code(),
                "a proxy ends at its end (exclusive)");
        PatientAccessState future = new PatientAccessState(true, List.of(), Set.of(), List.of(
                new PatientAccessState.Proxy(CLAES.value(), NOW.plusSeconds(1), Instant.MAX)));
        assertEquals(DecisionCode.ROLE_NOT_ALLOWED, decide(OTHER_PATIENT, DataType.CONSENT, Operation.WRITE, future).code(),
                "a proxy starts at its start");
        PatientAccessState someoneElse = new PatientAccessState(true, List.of(), Set.of(), List.of(
                new PatientAccessState.Proxy("CCCCCCCCCCCCCCCCCCCCCCCC", NOW.minusSeconds(60), Instant.MAX)));
        assertEquals(DecisionCode.ROLE_NOT_ALLOWED, decide(OTHER_PATIENT, DataType.AUDIT_TRAIL, Operation.READ, someoneElse)
                .code(), "another person's proxy is not this caller's");
        assertEquals(DecisionCode.ROLE_NOT_ALLOWED, decide(PHYSICIAN, DataType.PROXY, Operation.READ, withProxy).code(),
                "care providers never see the proxies");
        Caller admin = person("80010100107", null, Role.ADMIN);
        assertEquals(Decision.Basis.ROLE, decide(admin, DataType.PROXY, Operation.WRITE, withProxy).basis(),
                "an operator links legal representatives");
    }

    @Test
    void theMatrixCanBeChangedEntryByEntryAndRefusesNonsense() {
        Properties overrides = new Properties();
        overrides.setProperty("pharmacist.SUMEHR", "r");
        AccessMatrix matrix = AccessMatrix.of(overrides);
        assertTrue(matrix.allows(Role.PHARMACIST, DataType.SUMEHR, Operation.READ));
        assertTrue(matrix.allows(Role.PHYSICIAN, DataType.SUMEHR, Operation.WRITE), "the rest stays");
        overrides.setProperty("surgeon.SUMEHR", "r");
        assertThrows(IllegalArgumentException.class, () -> AccessMatrix.of(overrides));
        overrides.remove("surgeon.SUMEHR");
        overrides.setProperty("nurse.SUMEHR", "read");
        assertThrows(IllegalArgumentException.class, () -> AccessMatrix.of(overrides));
    }

    /**
     * Step-up: a patient's change to consent or proxies, and an export of their trail, needs a second factor in the
     * session, for themselves and for whom they act as proxy; the same request from a care provider or an operator does
     * not ask for one, and what needs no step-up is unaffected by a password-only patient; a patient who may not do it
     * at all is refused for that, whatever their factors.
     * Rows: caller, assurance, own record or as proxy, step-up declared → outcome.
     */
    @ParameterizedTest(name = "{0} {1} {2} step-up={3} → {4}")
    @CsvSource({
        "PATIENT, SINGLE_FACTOR, own, true, STRONG_AUTHENTICATION_REQUIRED",
        "PATIENT, MULTI_FACTOR, own, true, PERMIT",
        "PATIENT, SINGLE_FACTOR, own, false, PERMIT",
        "PATIENT, SINGLE_FACTOR, proxy, true, STRONG_AUTHENTICATION_REQUIRED",
        "PATIENT, MULTI_FACTOR, proxy, true, PERMIT",
        "PATIENT, SINGLE_FACTOR, proxy, false, PERMIT",
        "PATIENT, SINGLE_FACTOR, stranger, true, ROLE_NOT_ALLOWED",
        "PATIENT, MULTI_FACTOR, stranger, true, ROLE_NOT_ALLOWED",
        "PHYSICIAN, SINGLE_FACTOR, -, true, PERMIT",
        "ADMIN, SINGLE_FACTOR, -, true, PERMIT",
    })
    void aPatientsSensitiveChangesNeedASecondFactor(String role, Assurance assurance, String whose, boolean stepUp, DecisionCode expected) {
        Caller caller = switch (role) {
            case "PATIENT" -> "own".equals(whose) ? PATIENT : OTHER_PATIENT;
            case "PHYSICIAN" -> PHYSICIAN;
            default -> new Caller(PartyId.person("80010100107"), Role.ADMIN, Optional.empty(), "", Channel.REST);
        };
        caller = new Caller(caller.id(), caller.role(), caller.nihii(), caller.displayName(), caller.channel(), assurance);
        Optional<PatientRef> self = caller.role() != Role.PATIENT ? Optional.empty() : Optional.of(switch (whose) {
            case "proxy" -> CLAES;
            case "stranger" -> new PatientRef("CCCCCCCCCCCCCCCCCCCCCCCC");
            default -> DEVOS;
        });
        var proxy = new PatientAccessState.Proxy(CLAES.value(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)));
        PatientAccessState state = new PatientAccessState(true, List.of(), Set.of(), List.of(proxy));
        int decided = 0;
        for (DataType type : List.of(DataType.CONSENT, DataType.AUDIT_TRAIL)) {
            Operation operation = type == DataType.CONSENT ? Operation.WRITE : Operation.READ;
            if (!AccessMatrix.defaults().allows(caller.role(), type, operation)) {
                continue;
            }
            decided++;
            Decision decision = policy.decide(new AccessRequest(Optional.of(caller), self, Optional.of(DEVOS), type, operation,
                    Optional.empty(), false, stepUp), state, NOW);
            assertEquals(expected, decision.code(), type + " " + operation);
        }
        assertTrue(decided > 0, "the role may do one of them at least");
    }

    @Test
    void breakTheGlassReasons() {
        assertEquals(Optional.empty(), BreakTheGlass.validReason("too short"));
        assertEquals(Optional.of("ten chars!"), BreakTheGlass.validReason("  ten chars!  "));
        assertEquals(200, BreakTheGlass.validReason("x".repeat(200)).orElseThrow().length());
        assertEquals(Optional.empty(), BreakTheGlass.validReason("x".repeat(201)));
        assertEquals(Optional.empty(), BreakTheGlass.validReason("line one\nline two"));
        assertEquals(Optional.empty(), BreakTheGlass.validReason(null));
    }

    private Decision read(Caller caller, PatientAccessState state, Instant at) {
        return policy.decide(new AccessRequest(Optional.of(caller), Optional.empty(), Optional.of(DEVOS),
                DataType.MEDICATION_SCHEME, Operation.READ, Optional.empty()), state, at);
    }

    private Decision decide(Caller caller, DataType type, Operation operation, PatientAccessState state) {
        Optional<PatientRef> self = caller == PATIENT ? Optional.of(DEVOS) : caller == OTHER_PATIENT ? Optional.of(CLAES)
                : Optional.empty();
        return policy.decide(new AccessRequest(Optional.of(caller), self, Optional.of(DEVOS), type, operation,
                Optional.empty()), state, NOW);
    }
}
