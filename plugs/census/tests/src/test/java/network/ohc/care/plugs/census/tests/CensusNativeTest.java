package network.ohc.care.plugs.census.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plugs.census.contracts.CensusSignals;
import network.ohc.care.plugs.census.contracts.WardOccupancyChanged;
import org.junit.jupiter.api.Test;

/**
 * census' build step registers {@link CensusSignals#all()} for reflection; a signal record left out of that list
 * would work on the JVM and fail only in a native image. The contract jar is scanned here (a test may scan).
 */
class CensusNativeTest {
    @Test
    void everySignalRecordOfTheContractsIsListedForTheNativeImage() throws Exception {
        Path where = Path.of(WardOccupancyChanged.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String pkg = WardOccupancyChanged.class.getPackageName().replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (var files = Files.walk(where.resolve(pkg))) {
                files.map(f -> where.relativize(f).toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(pkg) && n.endsWith(".class")).forEach(names::add);
            }
        }
        Set<Class<?>> signals = new HashSet<>();
        for (String n : names) {
            Class<?> c = Class.forName(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
            if (c.isRecord() && DomainSignal.class.isAssignableFrom(c)) {
                signals.add(c);
            }
        }
        assertEquals(signals, new HashSet<>(CensusSignals.all()));
    }
}
