package network.ohc.care.core.plug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import network.ohc.care.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Run by {@code ./care build} on the new build's class path, before the last good build is replaced: starts a throwaway
 * embedded PostgreSQL, migrates core's schema, then applies every plug's migrations as that plug's role, exactly as
 * the app will at start. A migration the database refuses (say, one that changes a core table however it is
 * spelled) fails the build with the plug, the file and the database's message.
 * <p>
 * {@code java -cp … network.ohc.care.core.plug.MigrationTrial DIR}: DIR keeps the unpacked binaries between builds;
 * the cluster is made in it and removed afterwards. Exit 0 when every migration applies, 2 otherwise.
 */
public final class MigrationTrial {
    private MigrationTrial() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/plug-build/migration-trial").toAbsolutePath();
        List<String> plugs = new ArrayList<>();
        PlugMigrations migrations = PlugMigrations.of(Thread.currentThread().getContextClassLoader());
        for (String plug : PlugSchemas.plugsOnClassPath()) {
            if (migrations.has(plug)) {
                plugs.add(plug);
            }
        }
        if (plugs.isEmpty()) {
            return;
        }
        deleteTree(dir.resolve("pg-data"));
        List<String> problems;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dir, 0)) {
            // An interrupted build (Ctrl-C, SIGTERM) must not leave the throwaway server running.
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "migration-trial-stop"));
            problems = trial(pg.jdbcUrl(), pg.username(), "", plugs);
        } finally {
            deleteTree(dir.resolve("pg-data"));
        }
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.exit(2);
        }
        System.out.println("Plug migrations: " + String.join(", ", plugs) + " applied to a throwaway copy of core's schema");
    }

    /** Migrates core, then each plug as its role; one line per plug whose migrations the database refused. */
    static List<String> trial(String url, String user, String password, List<String> plugs) throws Exception {
        Flyway.configure(Thread.currentThread().getContextClassLoader()).dataSource(url, user, password).schemas("core")
                .defaultSchema("core").createSchemas(true).locations("classpath:db/core").load().migrate();
        List<String> problems = new ArrayList<>();
        for (String plug : plugs) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                PlugSchemas.prepare(c, plug);
            }
            try {
                PlugSchemas.flyway(plug, url, user, password).load().migrate();
            } catch (FlywayException e) {
                problems.add("plug " + plug + ": refused migration " + describe(e.getMessage()));
            }
        }
        return problems;
    }

    /** "db/plugs/x/V2__y.sql: ERROR: must be owner of table patient" from Flyway's many-line message. */
    static String describe(String flywayMessage) {
        String location = null;
        String message = null;
        for (String line : flywayMessage.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Location") && location == null) {
                location = l.substring(l.indexOf(':') + 1).strip().replaceAll("\\s*\\(.*\\)$", "");
            } else if (l.startsWith("Message") && message == null) {
                message = l.substring(l.indexOf(':') + 1).strip();
            }
        }
        if (message == null) {
            return flywayMessage.strip().split("\n")[0];
        }
        return (location == null ? "" : location + ": ") + message;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
