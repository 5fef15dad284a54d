package network.ohc.care.core.plug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The build's migration trial applies plug migrations as the plug's role on a fresh copy of core's schema: what the
 * database refuses (however the SQL hides it) is reported with plug, file and message. Runs on a database of its own
 * on the test PostgreSQL (./care build uses a throwaway embedded one).
 */
class MigrationTrialTest {
    static final String TEST_URL = System.getProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String SERVER = TEST_URL.substring(0, TEST_URL.lastIndexOf('/') + 1);
    static final String DB = TEST_URL.substring(TEST_URL.lastIndexOf('/') + 1).replaceAll("\\W", "_") + "_trial";

    @BeforeEach
    @AfterEach
    void freshDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    @Test
    void aMigrationChangingCoreIsRefusedWithPlugFileAndTheDatabasesMessage() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DB);
        }
        assertEquals(List.of("plug trial-sneaky: refused migration db/plugs/trial-sneaky/V2__hidden.sql: ERROR: must be owner of table patient"),
                MigrationTrial.trial(SERVER + DB, "postgres", "", List.of("trial-ok", "trial-sneaky")));
    }

    @Test
    void flywaysMessageBecomesOneLine() {
        assertEquals("db/plugs/x/V2__y.sql: ERROR: boom", MigrationTrial.describe("""
                Migration V2__y.sql failed
                --------------------------
                SQL State  : 42501
                Error Code : 0
                Message    : ERROR: boom
                Location   : db/plugs/x/V2__y.sql (/tmp/x/db/plugs/x/V2__y.sql)
                Line       : 2
                """));
        assertEquals("Unable to connect", MigrationTrial.describe("Unable to connect\nmore"));
    }
}
