package network.ohc.care.plugs.census.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import network.ohc.care.plugs.census.CensusConfig;
import org.junit.jupiter.api.Test;

/** The plug (its runtime jar) programs against plug-sdk, bus-contracts and Quarkus/Jakarta APIs only, never core's internals. */
class CensusSpiTest {
    @Test
    void thePlugNeverUsesCore() {
        noClasses().that().resideInAPackage("network.ohc.care.plugs.census..")
                .should().dependOnClassesThat().resideInAnyPackage("network.ohc.care.core..", "network.ohc.care.bus.api..",
                        "network.ohc.care.bus.engine..", "network.ohc.care.bus.store..", "network.ohc.care.postgres.embedded..")
                .check(new ClassFileImporter().importUrl(CensusConfig.class.getProtectionDomain().getCodeSource().getLocation()));
    }
}
