package network.ohc.care.bus.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalCatalogTest {
    @SignalType(name = "care.encounter.patient-admitted", version = 1)
    record Impostor(Envelope envelope) implements DomainSignal {
    }

    @SignalType(name = "plug.census.snapshot-taken", version = 1)
    record PlugSignal(Envelope envelope, UUID wardId) implements DomainSignal {
    }

    record Unannotated(Envelope envelope) implements DomainSignal {
    }

    @SignalType(name = "care.encounter.patient-admitted", version = 2)
    record AdmittedV2(Envelope envelope, UUID bedId) implements DomainSignal {
    }

    @Test
    void coreTypesAreAnnotatedVersionedAndUnique() {
        Set<String> names = new HashSet<>();
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            assertTrue(type.isRecord(), type + " is a record");
            assertTrue(SignalCatalog.version(type) >= 1);
            assertTrue(names.add(SignalCatalog.typeName(type)), "duplicate " + SignalCatalog.typeName(type));
            assertTrue(SignalCatalog.typeName(type).startsWith("care."));
            assertEquals(Envelope.class, type.getRecordComponents()[0].getType(), type + " starts with its envelope");
        }
        assertEquals(14, names.size());
    }

    @Test
    void plugsAddTheirOwnTypesButCannotTakeAnExistingName() {
        SignalCatalog catalog = SignalCatalog.builder().addCore().add(PlugSignal.class).build();
        assertEquals(PlugSignal.class, catalog.byType("plug.census.snapshot-taken").orElseThrow());
        assertEquals(PatientAdmitted.class, catalog.byType("care.encounter.patient-admitted").orElseThrow());
        assertTrue(catalog.byType("nope").isEmpty());
        assertEquals(15, catalog.all().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalCatalog.builder().addCore().add(Impostor.class));
        assertTrue(e.getMessage().contains("PatientAdmitted") && e.getMessage().contains("Impostor"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SignalCatalog.typeName(Unannotated.class));
        assertThrows(IllegalArgumentException.class, () -> SignalCatalog.version(Unannotated.class)); // also once remembered
        assertEquals("plug.census.snapshot-taken", SignalCatalog.typeName(PlugSignal.class));
        assertEquals(2, SignalCatalog.version(AdmittedV2.class));
        assertEquals(2, SignalCatalog.version(AdmittedV2.class));
        // A new version of a type lives beside the old one.
        SignalCatalog both = SignalCatalog.builder().addCore().add(AdmittedV2.class).build();
        assertEquals(PatientAdmitted.class, both.byType("care.encounter.patient-admitted", 1).orElseThrow());
        assertEquals(AdmittedV2.class, both.byType("care.encounter.patient-admitted", 2).orElseThrow());
        assertEquals(AdmittedV2.class, both.byType("care.encounter.patient-admitted").orElseThrow());
    }

    /** A class loader that adds one contract jar's record list, {@code lines}, to this module's class path. */
    static ClassLoader withClassList(java.nio.file.Path dir, String lines) throws Exception {
        java.nio.file.Path list = dir.resolve(network.ohc.care.bus.contracts.schema.SignalSchemas.CLASSES);
        java.nio.file.Files.createDirectories(list.getParent());
        java.nio.file.Files.writeString(list, lines);
        return new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, SignalCatalogTest.class.getClassLoader());
    }

    @Test
    void theClassPathsCatalogHasCoresTypesAndThoseEveryContractJarLists(@TempDir java.nio.file.Path dir) throws Exception {
        SignalCatalog own = SignalCatalog.onClassPath(SignalCatalogTest.class.getClassLoader());
        assertEquals(new HashSet<>(SignalCatalog.coreSignals()), new HashSet<>(own.all()), "this module's list is core's types");
        SignalCatalog withPlug = SignalCatalog.onClassPath(withClassList(dir, "plug.census.snapshot-taken.v1=" + PlugSignal.class.getName() + "\n"));
        assertEquals(PlugSignal.class, withPlug.byType("plug.census.snapshot-taken", 1).orElseThrow());
        assertEquals(15, withPlug.all().size());
    }

    @Test
    void aListedRecordThatIsMissingOrNoSignalIsAnError(@TempDir java.nio.file.Path dir) throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SignalCatalog.onClassPath(withClassList(dir, "labs.result-ready.v1=org.example.labs.ResultReady\n")));
        assertTrue(e.getMessage().contains("org.example.labs.ResultReady for labs.result-ready.v1"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> SignalCatalog.onClassPath(withClassList(dir.resolve("b"), "x.y.v1=java.lang.String\n")));
    }
}
