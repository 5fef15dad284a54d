package network.ohc.care.plug.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The harness' database. By default one of its own, {@code <CARE_TEST_DB or test>_plug} on 127.0.0.1:5432, created on
 * first use and marked as the harness' (a comment on the database); only a database so marked is cleaned at start.
 * {@code CARE_TEST_DB_URL} names another database instead, which is never cleaned unless the harness made it.
 */
public final class HarnessDatabase implements ConfigSource {
    static final String MARK = "care-plug-test: made by the plug test harness, cleaned at each test start";
    private static final String URL = "quarkus.datasource.jdbc.url";
    private static final String CLEAN = "quarkus.flyway.clean-at-start";
    private static final String CLEAN_DISABLED = "quarkus.flyway.clean-disabled";
    private volatile Map<String, String> values;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(URL, CLEAN, CLEAN_DISABLED);
    }

    @Override
    public String getValue(String name) {
        if (!getPropertyNames().contains(name)) {
            return null;
        }
        return values().get(name);
    }

    @Override
    public String getName() {
        return "care-plug-test database";
    }

    /** Between core's defaults (100) and a test's own application.properties (250), like the harness' other settings. */
    @Override
    public int getOrdinal() {
        return 150;
    }

    private Map<String, String> values() {
        Map<String, String> v = values;
        if (v == null) {
            synchronized (this) {
                if (values == null) {
                    values = resolve();
                }
                v = values;
            }
        }
        return v;
    }

    static String env(String name, String fallback) {
        String v = System.getProperty(name, System.getenv(name));
        return v == null || v.isBlank() ? fallback : v;
    }

    private static Map<String, String> resolve() {
        String user = env("CARE_TEST_DB_USER", "postgres");
        String password = env("CARE_TEST_DB_PASSWORD", "");
        String url = env("CARE_TEST_DB_URL", null);
        try {
            if (url == null) {
                String server = "jdbc:postgresql://127.0.0.1:5432/";
                String db = ownDatabase(env("CARE_TEST_DB", "test"));
                create(server + "postgres", user, password, db);
                url = server + db;
            }
            boolean clean = marked(url, user, password);
            return Map.of(URL, url, CLEAN, String.valueOf(clean), CLEAN_DISABLED, String.valueOf(!clean));
        } catch (SQLException e) {
            throw new IllegalStateException("care-plug-test: cannot prepare the test database (" + (url == null ? "127.0.0.1:5432" : url)
                    + "): " + e.getMessage(), e);
        }
    }

    /** The harness' own database for a checkout whose tests use {@code base}. */
    static String ownDatabase(String base) {
        return base.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_plug";
    }

    private static void create(String server, String user, String password, String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(server, user, password); Statement st = c.createStatement()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, db);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try {
                st.execute("CREATE DATABASE " + db);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // made by a test run starting at the same time
                    throw e;
                }
                return;
            }
            st.execute("COMMENT ON DATABASE " + db + " IS '" + MARK + "'");
        }
    }

    /** Whether the database at {@code url} is one the harness made. */
    static boolean marked(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()")) {
            return rs.next() && MARK.equals(rs.getString(1));
        }
    }
}
