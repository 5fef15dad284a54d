package network.ohc.care.core.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Entry point of every Care deployment. Before Quarkus starts it (1) makes sure a token-signing key pair
 * exists unless one is configured, and (2) with {@code CARE_DB=embedded}, starts the embedded PostgreSQL and
 * points the datasource at it. Both live in the data folder ({@code CARE_DATA_DIR}, default {@code ./.care}).
 */
@QuarkusMain
public final class CareMain {
    private CareMain() {
    }

    public static void main(String... args) throws Exception {
        Path dataDir = Path.of(setting("care.data-dir", "CARE_DATA_DIR", ".care")).toAbsolutePath().normalize();
        if (setting("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", null) == null
                && setting("smallrye.jwt.sign.key.location", "SMALLRYE_JWT_SIGN_KEY_LOCATION", null) == null) {
            JwtKeyFiles.Keys keys = JwtKeyFiles.ensure(dataDir.resolve("keys"));
            System.setProperty("mp.jwt.verify.publickey.location", keys.publicKey().toString());
            System.setProperty("smallrye.jwt.sign.key.location", keys.privateKey().toString());
        }
        if ("embedded".equalsIgnoreCase(setting("care.db", "CARE_DB", ""))) {
            int port = Integer.parseInt(setting("care.embedded-db.port", "CARE_EMBEDDED_DB_PORT", "0"));
            long started = System.nanoTime();
            EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir.resolve("db"), port);
            System.setProperty("quarkus.datasource.jdbc.url", pg.jdbcUrl());
            System.setProperty("quarkus.datasource.username", pg.username());
            System.setProperty("quarkus.datasource.password", "");
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "embedded-postgres-stop"));
            System.out.printf("Embedded PostgreSQL on 127.0.0.1:%d (ready in %d ms), data in %s%n", pg.port(),
                    (System.nanoTime() - started) / 1_000_000, pg.dataDir());
        }
        Quarkus.run(args);
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
