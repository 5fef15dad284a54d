package __PACKAGE__.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import __PACKAGE__.__CLASS__Config;
import org.junit.jupiter.api.Test;

/** The plug (its runtime jar) programs against plug-sdk, bus-contracts and Quarkus/Jakarta APIs only, never core's internals. */
class __CLASS__SpiTest {
    @Test
    void thePlugNeverUsesCore() {
        noClasses().that().resideInAPackage("__PACKAGE__..")
                .should().dependOnClassesThat().resideInAnyPackage("network.ohc.care.core..", "network.ohc.care.bus.api..",
                        "network.ohc.care.bus.engine..", "network.ohc.care.bus.store..", "network.ohc.care.postgres.embedded..")
                .check(new ClassFileImporter().importUrl(__CLASS__Config.class.getProtectionDomain().getCodeSource().getLocation()));
    }
}
