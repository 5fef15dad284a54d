package network.ohc.care.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CARE_JAVA} on a Java 25 or later, as {@code ./care run} starts Care with it: the launcher's options
 * (src/main/jvm/options.sh) make the first start write an AOT cache at exit and the next one map it, and neither
 * start logs a warning (the JVM's own, under any aot or cds tag, included). Skipped where no such Java is installed
 * ({@code CARE_IT_JAVA25} names one, else the newest under /usr/lib/jvm).
 */
class LauncherJava25IT {
    /** A JVM unified-logging line at warning or error ({@code [0.070s][warning][aot,...]}). */
    private static final Pattern JVM_LEVEL = Pattern.compile("\\[(warning|error)\\]");

    @TempDir
    Path tmp;

    @Test
    void theFirstStartWritesTheAotCacheTheNextMapsItAndNeitherWarns() throws Exception {
        Path java = java25().orElse(null);
        Assumptions.assumeTrue(java != null, "no Java 25 or later on this machine (CARE_IT_JAVA25 names one)");
        Path jar = CleanStartLogIT.deployment();
        Path app = jar.getParent();
        String version = javaVersion(java.getParent().getParent());
        Path cache = app.resolve("app-" + version + ".aot");
        Files.deleteIfExists(cache);
        ItDatabase db = ItDatabase.fresh("care_it_java25");
        try {
            List<String> first = start(java, app, jar, db, "-XX:AOTCacheOutput=" + cache);
            assertTrue(Files.size(cache) > 0, "the first start wrote " + cache + " at exit");
            List<String> second = start(java, app, jar, db, "-XX:AOTCache=" + cache);
            List<String> bad = new ArrayList<>();
            for (List<String> log : List.of(first, second)) {
                log.stream().filter(l -> CleanStartLogIT.LEVEL.matcher(l).find() || JVM_LEVEL.matcher(l).find()).forEach(bad::add);
            }
            assertEquals(List.of(), bad, "warnings in the two starts on " + java);
        } finally {
            Files.deleteIfExists(cache);
        }
    }

    /** One start with the launcher's options for {@code java}, which must name {@code archiveOption}; its log. */
    private List<String> start(Path java, Path app, Path jar, ItDatabase db, String archiveOption) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "source \"$0\" && care_java_opts \"$1\"",
                Path.of(System.getProperty("care.it.root"), "src/main/jvm/options.sh").toString(), app.toString());
        pb.environment().put("CARE_JAVA", java.toString());
        Process p = pb.redirectErrorStream(true).start();
        String opts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), opts);
        assertTrue(opts.contains(archiveOption), opts);
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(Arrays.asList(opts.split("\\s+")));
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (CareProcess care = CareProcess.start(command, jar, db.url, data, Map.of(), Duration.ofSeconds(180))) {
            care.token();
            care.stop(Duration.ofSeconds(180)); // the first stop assembles the AOT cache: longer than a plain stop
            return Files.readAllLines(care.log);
        }
    }

    static Optional<Path> java25() throws Exception {
        String given = System.getenv("CARE_IT_JAVA25");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(javaVersion(h)) >= 25)
                    .max((a, b) -> Integer.compare(feature(javaVersion(a)), feature(javaVersion(b))))
                    .map(h -> h.resolve("bin/java"));
        }
    }

    /** JAVA_VERSION of a JDK's release file, as the launcher reads it; "" without one. */
    static String javaVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return line.substring("JAVA_VERSION=\"".length(), line.length() - 1);
                }
            }
        } catch (Exception e) {
            // no release file: not a JDK the launcher can tell the version of
        }
        return "";
    }

    private static int feature(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
