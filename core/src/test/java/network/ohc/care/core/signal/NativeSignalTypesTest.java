package network.ohc.care.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.SignalCatalog;
import org.junit.jupiter.api.Test;

/** A signal type missing from the native registration would serialize in JVM tests and fail only in a native image. */
class NativeSignalTypesTest {
    @Test
    void everyCoreSignalIsRegisteredForReflection() {
        Set<Class<?>> expected = new HashSet<>(SignalCatalog.coreSignals());
        expected.add(Envelope.class);
        Set<Class<?>> registered = new HashSet<>(List.of(NativeSignalTypes.class.getAnnotation(RegisterForReflection.class).targets()));
        assertEquals(expected, registered);
    }

    /**
     * Not only the catalog: every record in the bus contracts (a signal, or a type a signal holds) is registered,
     * so a record added without a catalog entry is caught too. Scanning is fine here, in a test.
     */
    @Test
    void everyRecordOfTheBusContractsIsRegistered() throws Exception {
        Set<Class<?>> registered = new HashSet<>(List.of(NativeSignalTypes.class.getAnnotation(RegisterForReflection.class).targets()));
        Set<Class<?>> records = new HashSet<>();
        java.nio.file.Path where = java.nio.file.Path.of(Envelope.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = Envelope.class.getPackageName().replace('.', '/') + "/";
        List<String> names = new java.util.ArrayList<>();
        if (java.nio.file.Files.isDirectory(where)) {
            // The signals' own package only: sub-packages (schema, asyncapi, cloudevents) are tools, not signals.
            try (var files = java.nio.file.Files.list(where.resolve(pkg))) {
                files.map(f -> where.relativize(f).toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
            }
        } else {
            try (var jar = new java.util.jar.JarFile(where.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.startsWith(pkg) && n.indexOf('/', pkg.length()) < 0 && n.endsWith(".class")).forEach(names::add);
            }
        }
        for (String n : names) {
            Class<?> c = Class.forName(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
            if (c.isRecord()) {
                records.add(c);
            }
        }
        records.removeAll(registered);
        assertEquals(Set.of(), records, "records of the bus contracts missing from NativeSignalTypes");
    }
}
