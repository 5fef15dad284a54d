package network.ohc.care.core.bus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import network.ohc.care.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the test's own (core's embedded binaries, a temp folder, a free port), so that a test may
 * restart it or kill its connections without touching the machine's shared server.
 */
public class OwnPostgres implements QuarkusTestResourceLifecycleManager {
    /** The application_name of the app's own connections: what a test kills by. */
    static final String APP_NAME = "care-busfault";

    private static Path base;
    private static volatile EmbeddedPostgres pg;
    private final Map<String, String> previous = new java.util.HashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            // Under /tmp and world-traversable: the server runs as 'nobody' when the tests run as root.
            base = Files.createTempDirectory(Path.of("/tmp"), "care-busfault-pg-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            pg = EmbeddedPostgres.start(base, 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test's own PostgreSQL", e);
        }
        Map<String, String> config = Map.of("quarkus.datasource.jdbc.url", pg.jdbcUrl() + "?ApplicationName=" + APP_NAME,
                "quarkus.datasource.username", pg.username(), "quarkus.datasource.password", "");
        // Surefire passes the shared server's URL as a system property, which outranks what a test resource returns:
        // replaced here for this app's life, put back in stop().
        config.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        return config;
    }

    /** The port the app's datasource must be connected to. */
    static int port() {
        return pg.port();
    }

    static String adminUrl() {
        return pg.jdbcUrl() + "?ApplicationName=care-busfault-test";
    }

    static String user() {
        return pg.username();
    }

    /** Fast shutdown (open transactions roll back, connections drop), then a start on the same port and data. */
    static synchronized long restart() throws IOException {
        long t0 = System.nanoTime();
        int port = pg.port();
        pg.close();
        pg = EmbeddedPostgres.start(base, port);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public void stop() {
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        if (pg != null) {
            pg.close();
        }
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }
}
