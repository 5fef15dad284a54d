package network.ohc.care.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a native image must carry as resources, checked without GraalVM: the embedded PostgreSQL archive (the name
 * EmbeddedPostgres reads) and every migration of core and of the first-party plugs must match
 * {@code quarkus.native.resources.includes} of the deployment's application.properties.
 */
class NativeResourcesIT {
    static final Path ROOT = Path.of(System.getProperty("care.it.root"));

    @Test
    void theNativeImageIncludesThePostgresBinariesAndEveryMigration() throws Exception {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve("application.properties"))) {
            props.load(r);
        }
        String includes = props.getProperty("quarkus.native.resources.includes", "");
        List<java.nio.file.PathMatcher> globs = new ArrayList<>();
        for (String g : includes.split(",")) {
            if (!g.isBlank()) {
                globs.add(FileSystems.getDefault().getPathMatcher("glob:" + g.strip()));
            }
        }
        String source = Files.readString(ROOT.resolve("embedded-postgres/src/main/java/network/ohc/care/postgres/embedded/EmbeddedPostgres.java"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ARCHIVE = \"/([^\"]+)\"").matcher(source);
        assertTrue(m.find(), "EmbeddedPostgres names its archive");
        // and the list of the plugs' migrations that ./care build writes (core's PlugMigrations reads it by name)
        List<String> needed = new ArrayList<>(List.of(m.group(1), "META-INF/care/plug-migrations.list"));
        List<Path> resourceRoots = new ArrayList<>(List.of(ROOT.resolve("core/src/main/resources")));
        try (Stream<Path> plugs = Files.list(ROOT.resolve("plugs"))) {
            plugs.map(p -> p.resolve("runtime/src/main/resources")).filter(Files::isDirectory).forEach(resourceRoots::add);
        }
        for (Path res : resourceRoots) {
            if (!Files.isDirectory(res.resolve("db"))) {
                continue;
            }
            try (Stream<Path> files = Files.walk(res.resolve("db"))) {
                files.filter(Files::isRegularFile).map(f -> res.relativize(f).toString()).forEach(needed::add);
            }
        }
        assertTrue(needed.size() > 2, "found the migrations: " + needed);
        for (String n : needed) {
            assertTrue(globs.stream().anyMatch(g -> g.matches(Path.of(n))), n + " is not in quarkus.native.resources.includes (" + includes + ")");
        }
    }
}
