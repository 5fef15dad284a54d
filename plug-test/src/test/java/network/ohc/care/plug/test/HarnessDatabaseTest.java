package network.ohc.care.plug.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The harness works in a database of its own and cleans no other (against the test PostgreSQL). */
class HarnessDatabaseTest {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    final String base = "harness_t" + ProcessHandle.current().pid();

    @AfterEach
    void dropDatabases() throws Exception {
        System.clearProperty("CARE_TEST_DB");
        System.clearProperty("CARE_TEST_DB_URL");
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + base + "_plug");
            st.execute("DROP DATABASE IF EXISTS " + base + "_theirs");
        }
    }

    @Test
    void byDefaultItMakesAndCleansADatabaseOfItsOwnNamedAfterCareTestDb() {
        System.setProperty("CARE_TEST_DB", base);
        HarnessDatabase source = new HarnessDatabase();
        assertEquals(SERVER + base + "_plug", source.getValue("quarkus.datasource.jdbc.url"));
        assertEquals("true", source.getValue("quarkus.flyway.clean-at-start"));
        assertEquals("false", source.getValue("quarkus.flyway.clean-disabled"));
        // Used again (the next test run): still its own, still cleaned.
        assertEquals("true", new HarnessDatabase().getValue("quarkus.flyway.clean-at-start"));
        assertEquals(null, source.getValue("quarkus.datasource.username"));
    }

    @Test
    void aDatabaseItDidNotMakeIsNeverCleaned() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + base + "_theirs");
        }
        System.setProperty("CARE_TEST_DB_URL", SERVER + base + "_theirs");
        HarnessDatabase source = new HarnessDatabase();
        assertEquals(SERVER + base + "_theirs", source.getValue("quarkus.datasource.jdbc.url"));
        assertEquals("false", source.getValue("quarkus.flyway.clean-at-start"));
        assertEquals("true", source.getValue("quarkus.flyway.clean-disabled"));
        assertFalse(HarnessDatabase.marked(SERVER + base + "_theirs", "postgres", ""));
        System.setProperty("CARE_TEST_DB", base);
        System.clearProperty("CARE_TEST_DB_URL");
        new HarnessDatabase().getValue("quarkus.datasource.jdbc.url");
        assertTrue(HarnessDatabase.marked(SERVER + base + "_plug", "postgres", ""));
    }
}
