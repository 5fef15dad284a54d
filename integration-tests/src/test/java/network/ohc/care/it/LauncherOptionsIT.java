package network.ohc.care.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class archive the launcher (src/main/jvm/options.sh) asks the JVM to write or map, per Java version. */
class LauncherOptionsIT {
    @TempDir
    Path app;

    static String opts(Path app, String version) throws Exception {
        Path script = Path.of(System.getProperty("care.it.root"), "src/main/jvm/options.sh");
        Process p = new ProcessBuilder(List.of("bash", "-c", "source \"$0\" && care_java_opts \"$1\" \"$2\"", script.toString(), app.toString(),
                version)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void java17WritesADynamicArchiveOnceThenMapsIt() throws Exception {
        String first = opts(app, "17.0.15");
        assertTrue(first.contains("-XX:ArchiveClassesAtExit=" + app.resolve("app-cds-17.0.15.jsa")), first);
        assertTrue(first.startsWith("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m "), first);
        assertFalse(first.contains("AOTCache"), first);
        Files.createFile(app.resolve("app-cds-17.0.15.jsa"));
        assertTrue(opts(app, "17.0.15").contains("-XX:SharedArchiveFile=" + app.resolve("app-cds-17.0.15.jsa")));
        // another Java's archive is never mapped: that one writes its own
        assertTrue(opts(app, "17.0.16").contains("-XX:ArchiveClassesAtExit=" + app.resolve("app-cds-17.0.16.jsa")));
    }

    @Test
    void java25AndLaterUseAnAotCache() throws Exception {
        String first = opts(app, "25.0.3");
        assertTrue(first.contains("-XX:AOTCacheOutput=" + app.resolve("app-25.0.3.aot")), first);
        assertFalse(first.contains("ArchiveClassesAtExit"), first);
        Files.createFile(app.resolve("app-25.0.3.aot"));
        assertTrue(opts(app, "25.0.3").contains("-XX:AOTCache=" + app.resolve("app-25.0.3.aot")));
    }

    @Test
    void careJavaPicksTheJavaAndSoTheArchive(@TempDir Path jdk) throws Exception {
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        assertTrue(java.toFile().setExecutable(true));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"25.0.3\"\n");
        Path script = Path.of(System.getProperty("care.it.root"), "src/main/jvm/options.sh");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c",
                "source \"$0\" && echo \"$(care_java) $(care_java_version)\" && care_java_opts \"$1\"", script.toString(),
                app.toString())).redirectErrorStream(true);
        pb.environment().put("CARE_JAVA", java.toString());
        Process p = pb.start();
        String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(0, p.waitFor(), String.join("\n", out));
        assertEquals(java + " 25.0.3", out[0]);
        assertTrue(out[1].contains("-XX:AOTCacheOutput=" + app.resolve("app-25.0.3.aot")), out[1]);
    }

    @Test
    void aFolderItCannotWriteGetsNoArchive() throws Exception {
        assertTrue(app.toFile().setWritable(false));
        try {
            String o = opts(app, "17.0.15");
            if (!Files.isWritable(app)) { // root writes anywhere
                assertFalse(o.contains("ArchiveClassesAtExit") || o.contains("SharedArchiveFile"), o);
            }
        } finally {
            app.toFile().setWritable(true);
        }
    }
}
