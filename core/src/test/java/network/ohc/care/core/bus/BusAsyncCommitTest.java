package network.ohc.care.core.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import network.ohc.care.bus.engine.BusStore;
import org.junit.jupiter.api.Test;

/**
 * Leases and positions are committed asynchronously, and only they: a trigger on the subscription row records the
 * {@code synchronous_commit} in force in each writing transaction, and a signal's own transaction keeps the
 * synchronous commit on the same pooled connections.
 */
@QuarkusTest
class BusAsyncCommitTest {
    private static final String NAME = "test-async-commit";
    private static final String OWNER = "test-async-commit-owner";

    @Inject
    BusStore store;
    @Inject
    AgroalDataSource db;

    @Test
    void leasesAndPositionsCommitAsynchronouslyAndNothingElseDoes() throws Exception {
        run("""
                CREATE TABLE IF NOT EXISTS public.test_commit_probe (n bigserial, op text, setting text);
                TRUNCATE public.test_commit_probe;
                CREATE OR REPLACE FUNCTION public.test_commit_probe() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO public.test_commit_probe (op, setting) VALUES (TG_OP, current_setting('synchronous_commit'));
                    RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS test_commit_probe ON core.signal_subscription;
                CREATE TRIGGER test_commit_probe BEFORE INSERT OR UPDATE ON core.signal_subscription
                    FOR EACH ROW WHEN (NEW.name = 'test-async-commit') EXECUTE FUNCTION public.test_commit_probe();
                DELETE FROM core.signal_subscription WHERE name = 'test-async-commit';
                """);
        try {
            store.ensureSubscription(NAME, false);
            assertTrue(store.lease(NAME, OWNER, 60).isPresent(), "lease taken");
            assertTrue(store.savePosition(NAME, OWNER, 0, 0, 0, null, 60), "position saved");
            assertEquals("on", setting(), "the pooled connection is back to the server's default");
            // Another write on the pool, in a transaction of its own, as a change and its signal are written.
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE core.signal_subscription SET updated_at = now() WHERE name = '" + NAME + "'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(List.of("INSERT on", "UPDATE off", "UPDATE off", "UPDATE on"), probes());
        } finally {
            run("""
                    DROP TRIGGER IF EXISTS test_commit_probe ON core.signal_subscription;
                    DELETE FROM core.signal_subscription WHERE name = 'test-async-commit';
                    DROP TABLE IF EXISTS public.test_commit_probe;
                    DROP FUNCTION IF EXISTS public.test_commit_probe();
                    """);
        }
    }

    private void run(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** {@code synchronous_commit} as a new statement on this thread's pooled connection sees it. */
    private String setting() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> probes() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT op, setting FROM public.test_commit_probe ORDER BY n")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }
}
