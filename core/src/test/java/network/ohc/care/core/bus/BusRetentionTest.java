package network.ohc.care.core.bus;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import network.ohc.care.core.TestApi;
import network.ohc.care.bus.engine.OutboxPruner;
import org.junit.jupiter.api.Test;

/**
 * The bounded outbox: delivered signals go in batches, never one a subscription has not passed nor one an open dead
 * letter needs; the subscriptions show what is kept, and a replay from before it is refused with 422.
 */
@QuarkusTest
class BusRetentionTest {
    private static final String LAGGARD = "test-retention-laggard"; // a subscription no instance delivers: it stays put

    @Inject
    AgroalDataSource db;
    @Inject
    OutboxPruner pruner;

    @Test
    void deliveredSignalsGoPastTheSlowestSubscriptionAndReplaysStayWithinWhatIsKept() throws Exception {
        String before = TestApi.facility();
        for (String district : List.of("One", "Two", "Three")) {
            as(admin()).body(Map.of("district", district)).patch("/api/v1/facilities/" + before).then().statusCode(200);
        }
        long s0 = seqOf(TestApi.facility());
        long h0 = scalar("SELECT max(seq) FROM core.signal_outbox");
        update("INSERT INTO core.signal_subscription (name, position) VALUES ('" + LAGGARD + "', " + h0 + ")");
        update("INSERT INTO core.signal_dead_letter (subscriber, seq, signal_id, type, aggregate_type, aggregate_id, attempts, error) "
                + "SELECT '" + LAGGARD + "', seq, signal_id, type, aggregate_type, aggregate_id, 1, 'test' FROM core.signal_outbox WHERE seq = " + s0);
        try {
            long s1 = seqOf(TestApi.facility());
            awaitAllPast(s1);

            assertTrue(pruner.prune(Instant.now().plusSeconds(1), 3) >= 4, "delivered signals before the laggard's position go");
            assertEquals(0, scalar("SELECT count(*) FROM core.signal_outbox WHERE seq <= " + h0 + " AND seq <> " + s0),
                    "everything up to the slowest subscription, in batches of 3");
            assertEquals(1, scalar("SELECT count(*) FROM core.signal_outbox WHERE seq = " + s0), "an open dead letter keeps its signal");
            assertEquals(1, scalar("SELECT count(*) FROM core.signal_outbox WHERE seq = " + s1), "the laggard has not passed s1");
            assertEquals(0, pruner.pruneNow(), "nothing is older than the retention window");

            update("UPDATE core.signal_subscription SET position = " + s1 + " WHERE name = '" + LAGGARD + "'");
            pruner.prune(Instant.now().plusSeconds(1), 3);
            assertEquals(0, scalar("SELECT count(*) FROM core.signal_outbox WHERE seq = " + s1));
            assertEquals(1, scalar("SELECT count(*) FROM core.signal_outbox WHERE seq = " + s0));

            var subs = as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200).extract().jsonPath();
            Map<String, Object> recorder = subs.<Map<String, Object>>getList("").stream().filter(m -> m.get("name").equals("test-recorder"))
                    .findFirst().orElseThrow();
            assertTrue(((Number) recorder.get("retainedAfter")).longValue() >= s1, recorder.toString());
            Instant keptAfter = Instant.parse((String) recorder.get("retainedAfterTime"));
            assertNotNull(keptAfter);

            as(admin()).body(Map.of("from", keptAfter.minusSeconds(60).toString())).post("/api/v1/bus/subscriptions/test-recorder/replay")
                    .then().statusCode(422).body("errors[0].field", equalTo("from"));
            as(admin()).body(Map.of("fromPosition", 0)).post("/api/v1/bus/subscriptions/test-recorder/replay").then().statusCode(422)
                    .body("errors[0].field", equalTo("fromPosition"));
            as(admin()).body(Map.of("from", Instant.now().toString())).post("/api/v1/bus/subscriptions/test-recorder/replay").then()
                    .statusCode(202);
        } finally {
            update("DELETE FROM core.signal_dead_letter WHERE subscriber = '" + LAGGARD + "'");
            update("DELETE FROM core.signal_subscription WHERE name = '" + LAGGARD + "'");
        }
    }

    /** Without it the table grows for as long as Care runs when autovacuum is off or behind (the CI's PostgreSQL runs without). */
    @Test
    void thePrunedSignalsSpaceIsReclaimedForNewOnes() throws Exception {
        String vacuums = "SELECT vacuum_count FROM pg_stat_user_tables WHERE schemaname = 'core' AND relname = 'signal_outbox'";
        long before = scalar(vacuums);
        awaitAllPast(seqOf(TestApi.facility()));
        assertTrue(pruner.prune(Instant.now().plusSeconds(1), 1000) > 0, "delivered signals go");
        assertTrue(scalar(vacuums) > before, "the outbox was vacuumed after the signals went");
    }

    private void awaitAllPast(long seq) {
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("SELECT count(*) FROM core.signal_subscription WHERE name <> '" + LAGGARD
                + "' AND position < " + seq) == 0);
    }

    private long seqOf(String aggregateId) throws SQLException {
        return scalar("SELECT max(seq) FROM core.signal_outbox WHERE aggregate_id = '" + aggregateId + "'");
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
