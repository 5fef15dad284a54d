package network.ohc.care.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on the compiled classes: core's features reach the signal bus only through its API
 * (the operations resource, {@code core.bus}, reads the engine), nothing in core names the store, the bus never
 * reaches back into core, and core's feature packages do not import each other in a circle.
 */
class BoundariesTest {
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("network.ohc.care.core", "network.ohc.care.bus.api", "network.ohc.care.bus.engine",
                    "network.ohc.care.bus.store", "network.ohc.care.postgres.embedded");

    @Test
    void coreFeaturesUseTheBusThroughItsApiOnly() {
        noClasses().that().resideInAPackage("network.ohc.care.core..").and().resideOutsideOfPackage("network.ohc.care.core.bus..")
                .should().dependOnClassesThat().resideInAnyPackage("network.ohc.care.bus.engine..", "network.ohc.care.bus.store..")
                .because("core's domain writes signals through care-bus-api; only the bus operations resource reads the engine")
                .check(CLASSES);
    }

    @Test
    void nothingNamesTheStoreImplementation() {
        noClasses().that().resideOutsideOfPackage("network.ohc.care.bus.store..")
                .should().dependOnClassesThat().resideInAPackage("network.ohc.care.bus.store..")
                .because("the engine reads its database through BusStore; the PostgreSQL store is one implementation")
                .check(CLASSES);
    }

    @Test
    void theBusNeverReachesIntoCore() {
        noClasses().that().resideInAnyPackage("network.ohc.care.bus.api..", "network.ohc.care.bus.engine..", "network.ohc.care.bus.store..",
                "network.ohc.care.postgres.embedded..")
                .should().dependOnClassesThat().resideInAPackage("network.ohc.care.core..")
                .check(CLASSES);
    }

    @Test
    void theBusApiIsNothingButTheContractsAndTheJdk() {
        classes().that().resideInAPackage("network.ohc.care.bus.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("network.ohc.care.bus.api..", "network.ohc.care.bus.contracts..",
                        "java..", "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void coreFeaturePackagesAreFreeOfCycles() {
        slices().matching("network.ohc.care.core.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void busPackagesAreFreeOfCycles() {
        slices().matching("network.ohc.care.bus.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
