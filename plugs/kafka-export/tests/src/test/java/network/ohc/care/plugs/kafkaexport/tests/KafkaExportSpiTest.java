package network.ohc.care.plugs.kafkaexport.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import network.ohc.care.plugs.kafkaexport.KafkaExportConfig;
import org.junit.jupiter.api.Test;

/** The plug (its runtime jar) programs against plug-sdk, bus-contracts and Quarkus/Jakarta APIs only, never core's internals. */
class KafkaExportSpiTest {
    @Test
    void thePlugNeverUsesCore() {
        noClasses().that().resideInAPackage("network.ohc.care.plugs.kafkaexport..")
                .should().dependOnClassesThat().resideInAnyPackage("network.ohc.care.core..", "network.ohc.care.bus.api..",
                        "network.ohc.care.bus.engine..", "network.ohc.care.bus.store..", "network.ohc.care.postgres.embedded..")
                .check(new ClassFileImporter().importUrl(KafkaExportConfig.class.getProtectionDomain().getCodeSource().getLocation()));
    }
}
