package network.ohc.care.core.plug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Core's schema at start (CoreSchema, Quarkus' Flyway inactive): migrated before everything else (the tests' start
 * cleaned it first), then skipped by later starts only while its migrations and history are those recorded.
 */
@QuarkusTest
class CoreSchemaTest {
    @Inject
    AgroalDataSource ds;

    /** CoreSchema as a production start runs it (the tests' own start cleans the schema first). */
    CoreSchema schema() {
        CoreSchema s = new CoreSchema();
        s.dataSource = ds;
        s.migrateAtStart = true;
        s.cleanAtStart = false;
        s.cleanDisabled = true;
        return s;
    }

    String coreFingerprint() {
        return MigrationFingerprint.of(Thread.currentThread().getContextClassLoader(), "db/core").orElseThrow();
    }

    String row() throws SQLException {
        try (Connection c = ds.getConnection()) {
            return PlugSchemasTest.one(c, "SELECT fingerprint || ' ' || history_rank || ' ' || recorded_at FROM core.migration_fingerprint "
                    + "WHERE schema_name = 'core'");
        }
    }

    String one(String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return PlugSchemasTest.one(c, sql);
        }
    }

    void sql(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @AfterEach
    void restore() throws SQLException {
        sql("DELETE FROM core.flyway_schema_history WHERE NOT success");
        schema().migrate(); // records the real fingerprint again
    }

    @Test
    void theStartMigratedCoreAndRecordedItsFingerprint() throws SQLException {
        assertEquals(one("SELECT max(installed_rank) FROM core.flyway_schema_history"), one("SELECT history_rank FROM "
                + "core.migration_fingerprint WHERE schema_name = 'core'"));
        assertTrue(row().startsWith(coreFingerprint() + " "), row());
    }

    @Test
    void anUnchangedSchemaIsSkippedWithoutFlyway() throws SQLException {
        String recorded = row();
        assertFalse(schema().migrate(), "no Flyway for an unchanged schema");
        assertEquals(recorded, row(), "nothing recorded again");
    }

    @Test
    void anotherFingerprintLetsFlywayRunAndRecordTheNewOne() throws SQLException {
        sql("UPDATE core.migration_fingerprint SET fingerprint = 'from-an-older-build' WHERE schema_name = 'core'");
        assertTrue(schema().migrate());
        assertTrue(row().startsWith(coreFingerprint() + " "), row());
    }

    @Test
    void aFailedMigrationInTheHistoryStillStopsTheStart() throws SQLException {
        sql("INSERT INTO core.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                + "execution_time, success) SELECT max(installed_rank) + 1, '4.5', 'broken', 'SQL', 'V4_5__broken.sql', 0, current_user, 0, "
                + "false FROM core.flyway_schema_history");
        // (a failed row of a version above the files' would be a "future" one, which Flyway itself lets pass)
        assertThrows(FlywayException.class, () -> schema().migrate());
    }

    @Test
    void theShortcutStillMakesThePlugsRolesAndGrants() throws SQLException {
        sql("REVOKE USAGE ON SCHEMA core FROM care_plug_sample");
        assertEquals("f", one("SELECT has_schema_privilege('care_plug_sample', 'core', 'USAGE')"));
        assertFalse(schema().migrate());
        assertEquals("t", one("SELECT has_schema_privilege('care_plug_sample', 'core', 'USAGE')"));
    }

    @Test
    void quarkusOwnFlywayStaysInactive() {
        assertEquals("false", org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.flyway.active", String.class));
    }
}
