package network.ohc.care.core.plug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import network.ohc.care.core.TestApi;
import network.ohc.care.plug.sdk.PlugDatabase;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.junit.jupiter.api.Test;

/** A plug's own schema, role and migrations (the "sample" plug on the test class path), and what the role may not do. */
@QuarkusTest
class PlugSchemasTest {
    @Inject
    PlugRuntime runtime;
    @Inject
    AgroalDataSource ds;

    static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void thePlugsMigrationsRanInItsOwnSchemaAsItsRole() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertEquals("care_plug_sample", one(c, "SELECT tableowner FROM pg_tables WHERE schemaname = 'plug_sample' AND tablename = 'note'"));
            assertEquals("1", one(c, "SELECT max(version) FROM plug_sample.flyway_schema_history WHERE success"));
            assertEquals("care_plug_sample", one(c, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'plug_sample'"));
        }
    }

    @Test
    void thePlugWritesItsTablesWithForeignKeysToCore() throws SQLException {
        String facility = TestApi.facility();
        PlugDatabase db = runtime.database("sample");
        assertEquals("plug_sample", db.schema());
        long id = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO note (facility_id, text) VALUES (?, ?) RETURNING id")) {
                ps.setObject(1, UUID.fromString(facility));
                ps.setString(2, "hello");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertTrue(id > 0);
        // and reads core tables
        assertEquals(facility, db.transaction(c -> one(c, "SELECT id::text FROM core.facility WHERE id = '" + facility + "'")));
        // a foreign key to a facility that does not exist is refused
        assertThrows(SQLException.class, () -> db.transaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO note (facility_id, text) VALUES ('" + UUID.randomUUID() + "', 'x')");
            }
        }));
    }

    @Test
    void thePlugsConnectionCannotChangeCoreTables() throws SQLException {
        String facility = TestApi.facility();
        PlugDatabase db = runtime.database("sample");
        for (String sql : new String[] {
                "ALTER TABLE core.facility ADD COLUMN hacked int",
                "UPDATE core.facility SET name = 'x' WHERE id = '" + facility + "'",
                "DELETE FROM core.facility WHERE id = '" + facility + "'",
                "INSERT INTO core.signal_outbox (signal_id) VALUES (gen_random_uuid())",
                "DROP TABLE core.patient",
                "CREATE TABLE core.sneaky (id int)",
                "TRUNCATE core.encounter"}) {
            SQLException e = assertThrows(SQLException.class, () -> db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
                return null;
            }), sql);
            assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be owner")
                    || e.getMessage().contains("cannot"), sql + ": " + e.getMessage());
        }
        // The pooled connection comes back as core's user, not the plug's role.
        try (Connection c = ds.getConnection()) {
            assertTrue(!one(c, "SELECT current_user").equals("care_plug_sample"));
        }
    }
}
