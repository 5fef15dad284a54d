package network.ohc.care.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start refused for a configuration reason, in a real process: one line {@code care: cannot start: …} naming
 * the setting or folder, exit code 78 (EX_CONFIG), no stack trace and no log noise.
 */
class StartupRefusedIT {
    @TempDir
    Path tmp;

    record Outcome(int exit, List<String> lines) {
    }

    Outcome start(Map<String, String> env) throws Exception {
        Path log = tmp.resolve("out-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("care.it.app")).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CARE_") || k.startsWith("QUARKUS_") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().put("QUARKUS_HTTP_PORT", "0");
        pb.environment().put("CARE_MANAGEMENT_PORT", "0");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Care should refuse at once, not start");
        return new Outcome(p.exitValue(), Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList());
    }

    static void oneLine(Outcome o, String... mentions) {
        assertEquals(78, o.exit(), String.join("\n", o.lines()));
        assertEquals(1, o.lines().size(), "one line, no stack trace, no logging:\n" + String.join("\n", o.lines()));
        String line = o.lines().get(0);
        assertTrue(line.startsWith("care: cannot start: "), line);
        for (String m : mentions) {
            assertTrue(line.contains(m), "the line names " + m + ": " + line);
        }
    }

    @Test
    void aDataFolderTheEmbeddedDatabaseCannotEnter() throws Exception {
        Path closed = Files.createDirectories(tmp.resolve("closed"));
        Path data = Files.createDirectories(closed.resolve("data"));
        // Root passes permission checks itself but runs PostgreSQL as nobody, who cannot enter a 0700 folder;
        // any other user cannot even create the data folder's contents under a 0000 one.
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString(root ? "rwx------" : "---------"));
        try {
            oneLine(start(Map.of("CARE_DB", "embedded", "CARE_DATA_DIR", data.toString())), closed.toString());
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDataFolderThatIsAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        oneLine(start(Map.of("CARE_DB", "embedded", "CARE_DATA_DIR", file.toString())), "CARE_DATA_DIR=" + file, "not a folder");
    }

    @Test
    void anUnknownDatabaseMode() throws Exception {
        oneLine(start(Map.of("CARE_DB", "embeded", "CARE_DATA_DIR", tmp.resolve("d").toString())), "CARE_DB=embeded", "embedded, external or auto");
    }

    @Test
    void embeddedAndAnExternalUrlAtOnce() throws Exception {
        oneLine(start(Map.of("CARE_DB", "embedded", "CARE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/care", "CARE_DATA_DIR",
                tmp.resolve("d").toString())), "CARE_DB=embedded", "CARE_DB_URL");
    }

    @Test
    void aPortThatIsNotANumber() throws Exception {
        oneLine(start(Map.of("CARE_DB", "embedded", "CARE_EMBEDDED_DB_PORT", "54x", "CARE_DATA_DIR", tmp.resolve("d").toString())),
                "CARE_EMBEDDED_DB_PORT=54x");
    }
}
