package org.carevault.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The application's packages depend on each other one way, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses hub;

    @BeforeAll
    static void importClasses() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.carevault");
    }

    @Test
    void theApplicationsPackagesHaveNoCycles() {
        slices().matching("org.carevault.application.(*)..").should().beFreeOfCycles().check(hub);
    }

    @Test
    void theHubsLayersHaveNoCycles() {
        slices().matching("org.carevault.(*)..").should().beFreeOfCycles().check(hub);
    }

    /** The vault's and the mailbox's queries are in their repositories; services find and store single rows only. */
    @Test
    void theVaultAndTheMailboxQueryThroughTheirRepositories() {
        noClasses().that().resideInAnyPackage("org.carevault.application.vault..", "org.carevault.application.mailbox..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(EntityManager.class)))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameStartingWith("create"))))
                .check(hub);
    }

    /** The audit trail is written by the decision point and read by services; it decides nothing itself. */
    @Test
    void theAuditTrailDependsOnNoService() {
        noClasses().that().resideInAPackage("org.carevault.application.audit..").should().dependOnClassesThat()
                .resideInAnyPackage("org.carevault.application.access..", "org.carevault.application.mailbox..",
                        "org.carevault.application.vault..", "org.carevault.application.consent..",
                        "org.carevault.application.trail..")
                .check(hub);
    }
}
