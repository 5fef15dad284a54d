package network.ohc.care.plugs.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plug's classes are read for references to core's internals (network.ohc.care.core.*) before anything is built. */
class CoreReferencesTest {
    @TempDir
    Path dir;

    /** Compiles the sources and jars the classes outside network/ohc/care/core (core is provided, not shipped). */
    Path plugJar(String... sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        String[] args = new String[sources.length / 2 + 2];
        args[0] = "-d";
        args[1] = classes.toString();
        for (int i = 0; i < sources.length; i += 2) {
            Path f = src.resolve(sources[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, sources[i + 1]);
            args[2 + i / 2] = f.toString();
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args));
        Path jar = dir.resolve("plug.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (!name.startsWith("network/ohc/care/")) { // the referenced types are core's, not in the plug
                    z.putNextEntry(new ZipEntry(name));
                    z.write(Files.readAllBytes(f));
                    z.closeEntry();
                }
            }
        }
        return jar;
    }

    static final String CORE_EMITTER = """
            package network.ohc.care.core.signal;
            public class SignalEmitter { public static long emitted() { return 1L; } public double rate = 0.5; }
            """;

    @Test
    void theModulesCoreIsAssembledFromAreCoreToo() throws IOException {
        Path jar = plugJar("network/ohc/care/bus/engine/SignalBus.java", """
                        package network.ohc.care.bus.engine;
                        public class SignalBus { public static String instance() { return "i"; } }
                        """,
                "network/ohc/care/bus/contracts/Ok.java", """
                        package network.ohc.care.bus.contracts;
                        public class Ok { public static String fine() { return "f"; } }
                        """,
                "org/example/Peeks.java", """
                        package org.example;
                        public class Peeks { String s = network.ohc.care.bus.engine.SignalBus.instance(); String f = network.ohc.care.bus.contracts.Ok.fine(); }
                        """);
        assertEquals(List.of("class org.example.Peeks references core's network.ohc.care.bus.engine.SignalBus"), CoreReferences.inJar(jar),
                "the bus engine is core's; bus-contracts is a plug's to use");
    }

    @Test
    void everyClassReferencingCoreIsNamedWithTheCoreType() throws IOException {
        Path jar = plugJar("network/ohc/care/core/signal/SignalEmitter.java", CORE_EMITTER,
                "org/example/Sneaky.java", """
                        package org.example;
                        public class Sneaky {
                            static final String S = "text with network/ohc/care/core/Nothing in it is a utf8 too";
                            long n() { return network.ohc.care.core.signal.SignalEmitter.emitted() + 7L; }
                        }
                        """,
                "org/example/Field.java", """
                        package org.example;
                        import java.util.List;
                        public class Field { List<network.ohc.care.core.signal.SignalEmitter> emitters; double d = 2.5; }
                        """,
                "org/example/Clean.java", """
                        package org.example;
                        public class Clean { long big = 1L << 40; double half = 0.5; String core = "network.ohc.care.core"; }
                        """);
        assertEquals(List.of(
                "class org.example.Field references core's network.ohc.care.core.signal.SignalEmitter",
                "class org.example.Sneaky references core's network.ohc.care.core.Nothing",
                "class org.example.Sneaky references core's network.ohc.care.core.signal.SignalEmitter"),
                CoreReferences.inJar(jar));
    }

    @Test
    void aPlugUsingTheSdkOnlyPasses() throws IOException {
        Path jar = plugJar("org/example/Clean.java", """
                package org.example;
                public class Clean { long big = 1L << 40; double half = 0.5; Runnable r = () -> { }; }
                """);
        assertEquals(List.of(), CoreReferences.inJar(jar));
    }
}
