package network.ohc.care.core.boot;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import network.ohc.care.postgres.embedded.EmbeddedPostgres;

/**
 * Entry point of every Care deployment. Before Quarkus starts it (1) makes sure a token-signing key pair
 * exists unless one is configured, and (2) with the embedded database ({@code CARE_DB=embedded}, or
 * {@code CARE_DB=auto} without {@code CARE_DB_URL}), starts the embedded PostgreSQL and points the datasource at
 * it. Both live in the data folder ({@code CARE_DATA_DIR}, default {@code ./.care}).
 * <p>
 * A start refused for a configuration reason prints one line, {@code care: cannot start: …}, and exits with
 * {@link StartupRefused#EXIT_CODE}: no stack trace, since the operator's fix is in the message.
 */
@QuarkusMain
public final class CareMain {
    /** How long the embedded PostgreSQL waits for Quarkus to finish stopping before it stops anyway. */
    private static final long QUARKUS_STOP_WAIT_SECONDS = 30;

    /** Read by Quarkus' HTTP server (VertxHttpRecorder) when it starts. */
    public static final String URI_CHECK_OFF = "vertx.disableURIValidation";

    private CareMain() {
    }

    public static void main(String... args) {
        // Care checks request targets itself (HttpProblems) to answer problem+json naming the field; Quarkus'
        // own check, read from this property when the HTTP server starts, would answer with an empty 400 first.
        System.setProperty(URI_CHECK_OFF, "true");
        try {
            prepare();
        } catch (StartupRefused e) {
            System.err.println("care: cannot start: " + e.getMessage());
            System.err.flush();
            System.exit(StartupRefused.EXIT_CODE);
        }
        Quarkus.run(args);
    }

    static void prepare() throws StartupRefused {
        Path dataDir = dataDir();
        if (setting("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", null) == null
                && setting("smallrye.jwt.sign.key.location", "SMALLRYE_JWT_SIGN_KEY_LOCATION", null) == null) {
            JwtKeyFiles.Keys keys;
            try {
                keys = JwtKeyFiles.ensure(dataDir.resolve("keys"));
            } catch (IOException e) {
                throw StartupRefused.of("cannot keep the token keys in " + dataDir.resolve("keys"), e,
                        "CARE_DATA_DIR must be a folder this user may write, or set MP_JWT_VERIFY_PUBLICKEY_LOCATION and "
                                + "SMALLRYE_JWT_SIGN_KEY_LOCATION");
            }
            System.setProperty("mp.jwt.verify.publickey.location", keys.publicKey().toString());
            System.setProperty("smallrye.jwt.sign.key.location", keys.privateKey().toString());
        }
        if (embeddedDatabase()) {
            startEmbedded(dataDir);
        }
    }

    private static Path dataDir() throws StartupRefused {
        String raw = setting("care.data-dir", "CARE_DATA_DIR", ".care");
        Path dir;
        try {
            dir = Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new StartupRefused("CARE_DATA_DIR=" + raw + " is not a path: " + e.getReason());
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StartupRefused("CARE_DATA_DIR=" + dir + " is a file, not a folder");
        }
        return dir;
    }

    /** CARE_DB: embedded, external (the default), or auto (embedded unless CARE_DB_URL names a database). */
    static boolean embeddedDatabase() throws StartupRefused {
        String mode = setting("care.db", "CARE_DB", "external").strip().toLowerCase(Locale.ROOT);
        boolean urlGiven = setting("quarkus.datasource.jdbc.url", "CARE_DB_URL", null) != null
                || setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null) != null;
        return switch (mode) {
            case "external" -> false;
            case "auto" -> !urlGiven;
            case "embedded" -> {
                if (urlGiven) {
                    throw new StartupRefused("CARE_DB=embedded and CARE_DB_URL are both set: unset one of them "
                            + "(CARE_DB=auto uses the embedded database only when CARE_DB_URL is unset)");
                }
                yield true;
            }
            default -> throw new StartupRefused("CARE_DB=" + mode + " is not a database mode: use embedded, external or auto");
        };
    }

    private static void startEmbedded(Path dataDir) throws StartupRefused {
        String rawPort = setting("care.embedded-db.port", "CARE_EMBEDDED_DB_PORT", "0");
        int port;
        try {
            port = Integer.parseInt(rawPort.strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new StartupRefused("CARE_EMBEDDED_DB_PORT=" + rawPort + " is not a port number (0-65535; 0 picks a free one)");
        }
        long started = System.nanoTime();
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.start(dataDir.resolve("db"), port);
        } catch (IOException e) {
            throw StartupRefused.of("the embedded PostgreSQL in " + dataDir.resolve("db"), e, null);
        }
        System.setProperty("quarkus.datasource.jdbc.url", pg.jdbcUrl());
        System.setProperty("quarkus.datasource.username", pg.username());
        System.setProperty("quarkus.datasource.password", "");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterQuarkus(pg), "embedded-postgres-stop"));
        System.out.printf("Embedded PostgreSQL on 127.0.0.1:%d (ready in %d ms), data in %s%n", pg.port(),
                (System.nanoTime() - started) / 1_000_000, pg.dataDir());
    }

    /**
     * Shutdown hooks run at the same time: on SIGTERM, Quarkus' own hook drains requests, stops the signal workers
     * and closes the pool. The database must outlive all that, so it stops once Quarkus has stopped (or after a
     * bounded wait, so a stuck application cannot keep the server running).
     */
    private static void stopAfterQuarkus(EmbeddedPostgres pg) {
        Application app = Application.currentApplication();
        if (app != null) {
            Thread waiter = new Thread(app::awaitShutdown, "await-quarkus-stop");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(TimeUnit.SECONDS.toMillis(QUARKUS_STOP_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pg.close();
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
