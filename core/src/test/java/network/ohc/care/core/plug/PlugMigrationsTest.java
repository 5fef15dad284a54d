package network.ohc.care.core.plug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment's build-time list of plug migrations is what Flyway and the fingerprint get: a file on the class path
 * but not in the list is not applied, and nothing needs a resource folder to be listed (as in a native image, where
 * only resources named exactly can be read). Flyway runs on the test PostgreSQL, in a schema of its own.
 */
class PlugMigrationsTest {
    static final String URL = System.getProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String SCHEMA = "plug_migrations_test";

    @TempDir
    Path tmp;

    @BeforeEach
    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /**
     * Serves files by their exact name only, as a native image does: a folder ({@code db/plugs/p}) is not found, so
     * nothing can be listed.
     */
    static final class ExactNamesOnly extends ClassLoader {
        private final Path root;

        ExactNamesOnly(Path root) {
            super(null);
            this.root = root;
        }

        @Override
        protected URL findResource(String name) {
            Path p = root.resolve(name);
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL u = findResource(name);
            return Collections.enumeration(u == null ? List.of() : List.of(u));
        }
    }

    private Path files(Map<String, String> files) throws IOException {
        for (var f : files.entrySet()) {
            Path p = tmp.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return tmp;
    }

    private static final Map<String, String> TWO = Map.of(
            "db/plugs/p/V1__a.sql", "CREATE TABLE a (id int);",
            "db/plugs/p/V2__b.sql", "CREATE TABLE b (id int);",
            "db/plugs/q/V1__q.sql", "CREATE TABLE q (id int);");

    /** Migrates {@code plug} with what {@code migrations} gives Flyway; the tables then in the schema. */
    private static List<String> migrate(PlugMigrations migrations, String plug) throws Exception {
        Flyway flyway = migrations.configure(Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).defaultSchema(SCHEMA)
                .createSchemas(true), plug).load();
        flyway.migrate();
        assertTrue(Arrays.stream(flyway.info().all()).allMatch(i -> i.getState().isApplied()));
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                        + SCHEMA + "' AND table_name <> 'flyway_schema_history' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    @Test
    void flywayAppliesTheListedFilesOnlyThoughAnotherIsOnTheClassPath() throws Exception {
        ClassLoader loader = new ExactNamesOnly(files(TWO));
        PlugMigrations listed = PlugMigrations.listed(loader, List.of("# comment", "db/plugs/p/V1__a.sql", "", "db/plugs/q/V1__q.sql"));
        assertTrue(listed.isListed());
        assertEquals(List.of("a"), migrate(listed, "p"));
        Flyway again = listed.configure(Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA), "p").load();
        assertEquals(List.of("V1__a.sql"), Arrays.stream(again.info().all()).map(MigrationInfo::getScript).filter(s -> s.endsWith(".sql")).toList());
    }

    @Test
    void withoutAListAFolderThatCannotBeListedHoldsNoMigrations() throws Exception {
        // The gap the list closes: where folders cannot be listed (a native image), scanning finds no plug migration.
        ClassLoader loader = new ExactNamesOnly(files(TWO));
        PlugMigrations scanned = PlugMigrations.of(loader);
        assertFalse(scanned.isListed());
        assertFalse(scanned.has("p"));
        assertEquals(java.util.Optional.empty(), scanned.fingerprint("p"));
    }

    @Test
    void theListIsReadFromTheDeploymentsIndexAndNamesThePlugsWithMigrations() throws Exception {
        Map<String, String> files = new TreeMap<>(TWO);
        files.put(PlugMigrations.INDEX, "# generated\ndb/plugs/p/V1__a.sql\ndb/plugs/p/V2__b.sql\n");
        ClassLoader loader = new ExactNamesOnly(files(files));
        PlugMigrations listed = PlugMigrations.of(loader);
        assertTrue(listed.isListed());
        assertTrue(listed.has("p"));
        assertFalse(listed.has("q"), "q's folder is on the class path but not in the list");
        assertEquals(List.of("db/plugs/p/V1__a.sql", "db/plugs/p/V2__b.sql"), listed.files("p"));
        assertEquals(List.of("a", "b"), migrate(listed, "p"));
    }

    @Test
    void theFingerprintOfTheListedFilesIsTheScannedFoldersForTheSameFiles() throws Exception {
        Path root = files(TWO);
        try (var scanning = new java.net.URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            String scanned = PlugMigrations.of(scanning).fingerprint("p").orElseThrow();
            ClassLoader exact = new ExactNamesOnly(root);
            assertEquals(scanned, PlugMigrations.listed(exact, List.of("db/plugs/p/V2__b.sql", "db/plugs/p/V1__a.sql")).fingerprint("p")
                    .orElseThrow());
            assertNotEquals(scanned, PlugMigrations.listed(exact, List.of("db/plugs/p/V1__a.sql")).fingerprint("p").orElseThrow());
            assertEquals(java.util.Optional.empty(), PlugMigrations.listed(exact, List.of("db/plugs/p/V9__gone.sql")).fingerprint("p"));
            assertEquals(java.util.Optional.empty(), PlugMigrations.of(exact).fingerprint("p"), "a folder that cannot be listed");
        }
    }

    @Test
    void aListedPathOutsideAPlugsFolderIsRefused() {
        ClassLoader loader = getClass().getClassLoader();
        assertThrows(IllegalStateException.class, () -> PlugMigrations.listed(loader, List.of("db/core/V1__x.sql")));
        assertThrows(IllegalStateException.class, () -> PlugMigrations.listed(loader, List.of("db/plugs/p/")));
    }
}
