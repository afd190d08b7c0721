package org.carevault.application.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.Stateless;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.carevault.application.access.AccessControl.Intent;
import org.carevault.application.mailbox.BoxOwner;
import org.carevault.domain.Caller;
import org.carevault.domain.Channel;
import org.carevault.domain.PartyId;
import org.carevault.domain.Role;
import org.carevault.domain.access.DataType;
import org.carevault.domain.access.Operation;
import org.carevault.domain.consent.PatientRef;
import org.junit.jupiter.api.Test;

/**
 * The declarations the deployment checks: every service of this module declares every public method correctly, and
 * each kind of mistake is found and names its method.
 */
class DeclarationsTest {

    @Test
    void everyServiceOfTheHubDeclaresEveryMethod() throws Exception {
        List<String> services = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> type : applicationClasses()) {
            if (Declarations.isService(type)) {
                services.add(type.getSimpleName());
                problems.addAll(Declarations.problems(type));
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(services.containsAll(List.of("MedicationSchemeService", "SumehrService", "ConsentService",
                "TherapeuticLinkService", "ExclusionService", "ProxyService", "AuditTrailService", "AuditChainService",
                "AccessCheckService", "MailboxService", "EtkDirectory", "PreferenceService", "PatientDirectory")), services::toString);
        assertFalse(services.contains("AccessControl"), "the decision itself is no service (a CDI bean)");
    }

    @Stateless
    public static class Forgotten {
        public String read(Caller caller, PatientRef patient) {
            return "health data";
        }

        @Checked(action = "GetSomething", data = DataType.SUMEHR, operation = Operation.READ)
        public String declared(Caller caller, @OfPatient PatientRef patient) {
            return "fine";
        }
    }

    @Stateless
    public static class Wrong {
        @Checked(action = "GetSomething", data = DataType.SUMEHR, operation = Operation.READ)
        public String unmarkedPatient(Caller caller, PatientRef patient) {
            return "";
        }

        @NoPatientData("it says so")
        public String liesAboutItsPatient(Caller caller, PatientRef patient) {
            return "";
        }

        @Checked(action = "GetSomething", data = DataType.SUMEHR, operation = Operation.READ)
        @NoPatientData("both")
        public String twice(Caller caller, @OfPatient PatientRef patient) {
            return "";
        }

        @Checked(action = "GetSomething", operation = Operation.READ)
        public String noDataType(Caller caller, @OfPatient PatientRef patient) {
            return "";
        }

        @Checked(action = "GetSomething", data = DataType.SUMEHR, operation = Operation.READ)
        public String reasonOfWrongType(Caller caller, @OfPatient PatientRef patient, @BreakTheGlassReason String reason) {
            return "";
        }

        @Checked(action = "GetSomething", data = DataType.SUMEHR, operation = Operation.READ, callersOwnRecord = true)
        public String ownRecordAndAPatient(Caller caller, @OfPatient PatientRef patient) {
            return "";
        }

        @NoPatientData(" ")
        public String noReason(Caller caller) {
            return "";
        }

        @OfBox(value = "getBoxInfo", operation = Operation.READ)
        public String boxThatNamesNoBox(Caller caller, @OfBox.Box Optional<String> box) {
            return "";
        }

        @OfBox(value = "getBoxInfo", operation = Operation.READ)
        public String twoBoxes(Caller caller, @OfBox.Box Optional<BoxOwner> box, @OfBox.Box Optional<BoxOwner> other) {
            return "";
        }
    }

    @Test
    void aForgottenMethodIsNamed() {
        assertEquals(List.of(Forgotten.class.getName() + ".read(Caller, PatientRef): declares no access (@Checked, @OfBox or "
                + "@NoPatientData)"), Declarations.problems(Forgotten.class));
    }

    @Test
    void eachWrongDeclarationIsNamed() {
        List<String> problems = Declarations.problems(Wrong.class);
        for (String method : List.of("unmarkedPatient", "liesAboutItsPatient", "twice", "noDataType", "reasonOfWrongType",
                "ownRecordAndAPatient", "noReason", "boxThatNamesNoBox", "twoBoxes")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(Wrong.class.getName() + "." + method + "(")),
                    method + " in " + problems);
        }
    }

    @Test
    void aBoxParameterMustNameABox() {
        assertTrue(Declarations.problems(Wrong.class).contains(Wrong.class.getName() + ".boxThatNamesNoBox(Caller, Optional): "
                + "marks a box that does not name one (an Optional of a NamesBox is expected)"));
    }

    @Test
    void aClassWithoutCallersIsNoService() {
        assertFalse(Declarations.isService(Declarations.class));
        assertEquals(List.of(), Declarations.problems(String.class));
    }

    @Test
    void theIntentAndThePatientComeFromTheArguments() throws Exception {
        Caller caller = new Caller(PartyId.person("72081012378"), Role.PHYSICIAN, Optional.empty(), "Dr Test", Channel.REST);
        PatientRef patient = PatientRef.parse("a".repeat(24));
        var declared = assertInstanceOf(Declarations.Decided.class, Declarations.of(
                AccessCheckService.class.getMethod("check", Caller.class, PatientRef.class, DataType.class, Operation.class,
                        Optional.class)));
        Object[] arguments = {caller, patient, DataType.SUMEHR, Operation.WRITE, Optional.of("cardiac arrest, unconscious")};
        assertEquals(new Intent("CheckAccess", DataType.SUMEHR, Operation.WRITE, Optional.of("cardiac arrest, unconscious"),
                false, false), declared.intent(arguments));
        assertEquals(Optional.of(patient), declared.patient(arguments));
        assertEquals(caller, arguments[declared.caller()]);
    }

    private static List<Class<?>> applicationClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(AccessControl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/carevault/application"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, DeclarationsTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
