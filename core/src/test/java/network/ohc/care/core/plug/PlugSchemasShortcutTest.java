package network.ohc.care.core.plug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A start skips Flyway for a plug schema only when its migrations are those recorded after its last migrate and its
 * history is as it was then; otherwise Flyway runs as before (the "sample" plug on the test class path).
 */
@QuarkusTest
class PlugSchemasShortcutTest {
    @Inject
    AgroalDataSource ds;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    static final String SCHEMA = "plug_sample";

    /** PlugSchemas as a production start runs it (the tests' own start cleans the schemas first). */
    PlugSchemas schemas() {
        PlugSchemas s = new PlugSchemas();
        s.dataSource = ds;
        s.url = url;
        s.user = user;
        s.password = Optional.empty();
        s.cleanAtStart = false;
        return s;
    }

    String sampleFingerprint() {
        return MigrationFingerprint.of(Thread.currentThread().getContextClassLoader(), "db/plugs/sample").orElseThrow();
    }

    String row() throws SQLException {
        try (Connection c = ds.getConnection()) {
            return PlugSchemasTest.one(c, "SELECT fingerprint || ' ' || history_rank || ' ' || recorded_at FROM core.migration_fingerprint "
                    + "WHERE schema_name = '" + SCHEMA + "'");
        }
    }

    void sql(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @AfterEach
    void restore() throws SQLException {
        sql("DELETE FROM plug_sample.flyway_schema_history WHERE NOT success");
        schemas().migrate(List.of("sample")); // records the real fingerprint again
    }

    @Test
    void aMigrateRecordsTheFingerprintAndTheNextStartSkipsFlyway() throws SQLException {
        schemas().migrate(List.of("sample"));
        String recorded = row();
        assertTrue(recorded.startsWith(sampleFingerprint() + " 1 "), recorded);
        schemas().migrate(List.of("sample"));
        assertEquals(recorded, row(), "nothing recorded again: Flyway did not run");
    }

    @Test
    void anotherFingerprintLetsFlywayRunAndRecordTheNewOne() throws SQLException {
        schemas().migrate(List.of("sample"));
        sql("UPDATE core.migration_fingerprint SET fingerprint = 'from-an-older-build' WHERE schema_name = '" + SCHEMA + "'");
        schemas().migrate(List.of("sample"));
        assertTrue(row().startsWith(sampleFingerprint() + " 1 "), row());
    }

    @Test
    void aFailedMigrationInTheHistoryIsLeftToFlyway() throws SQLException {
        schemas().migrate(List.of("sample"));
        String recorded = row();
        sql("INSERT INTO plug_sample.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                + "execution_time, success) VALUES (2, '2', 'broken', 'SQL', 'V2__broken.sql', 0, current_user, 0, false)");
        schemas().migrate(List.of("sample"));
        String after = row();
        assertNotEquals(recorded, after, "Flyway ran and the fingerprint was recorded again");
        schemas().migrate(List.of("sample"));
        assertNotEquals(after, row(), "and runs again while the failed row is there");
    }

    @Test
    void upToDateNeedsTheSameFingerprintAndHistory() throws SQLException {
        schemas().migrate(List.of("sample"));
        String fp = sampleFingerprint();
        try (Connection c = ds.getConnection()) {
            assertEquals(Set.of(SCHEMA), MigratedSchemas.upToDate(c, Map.of(SCHEMA, fp)));
            assertEquals(Set.of(), MigratedSchemas.upToDate(c, Map.of(SCHEMA, "other")));
            // a schema with no history (never migrated, or its history dropped): any doubt, and Flyway decides for all
            assertEquals(Set.of(), MigratedSchemas.upToDate(c, Map.of(SCHEMA, fp, "plug_never_migrated", fp)));
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE plug_sample.flyway_schema_history SET installed_rank = installed_rank + 10");
                assertEquals(Set.of(), MigratedSchemas.upToDate(c, Map.of(SCHEMA, fp)), "history changed since recorded");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        assertNotEquals("", row());
    }
}
