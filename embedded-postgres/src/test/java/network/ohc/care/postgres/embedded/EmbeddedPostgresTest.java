package network.ohc.care.postgres.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded default: a real PostgreSQL from a Maven jar, data kept across restarts, recovery after a crash. */
class EmbeddedPostgresTest {
    Path base;

    @BeforeEach
    void dir() throws Exception {
        // Under /tmp: world-traversable, as the server may run as 'nobody' when tests run as root.
        base = Files.createTempDirectory(Path.of("/tmp"), "care-embedded-test-");
        Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void clean() throws Exception {
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, 0)) {
            assertTrue(pg.jdbcUrl().endsWith("/care"));
            sql(pg, "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('hello')");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, 0)) {
            assertEquals("hello", one(pg, "SELECT v FROM kept"));
            assertEquals("17", one(pg, "SHOW server_version").split("\\.")[0]);
        }
    }

    @Test
    void aServerLeftRunningByAKilledAppIsReplaced() throws Exception {
        EmbeddedPostgres first = EmbeddedPostgres.start(base, 0);
        sql(first, "CREATE TABLE kept (v int)", "INSERT INTO kept VALUES (42)");
        // The app died without closing: its server is still running. The next start takes over.
        try (EmbeddedPostgres second = EmbeddedPostgres.start(base, 0)) {
            assertEquals("42", one(second, "SELECT v FROM kept"));
        }
    }

    @Test
    void aStalePidFileIsCleared() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, 0)) {
            sql(pg, "CREATE TABLE kept (v int)");
        }
        Path pidFile = base.resolve("pg-data/postmaster.pid");
        Files.writeString(pidFile, "999999\n" + base.resolve("pg-data") + "\n");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(base, 0)) {
            assertEquals("0", one(pg, "SELECT count(*) FROM kept"));
        }
    }

    private static void sql(EmbeddedPostgres pg, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), ""); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static String one(EmbeddedPostgres pg, String query) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
