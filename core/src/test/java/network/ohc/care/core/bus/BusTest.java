package network.ohc.care.core.bus;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.TestApi;
import network.ohc.care.core.bus.TestSubscribers.FlakySubscriber;
import network.ohc.care.core.bus.TestSubscribers.GatedSubscriber;
import network.ohc.care.core.bus.TestSubscribers.Received;
import network.ohc.care.core.bus.TestSubscribers.RecordingSubscriber;
import network.ohc.care.core.signal.SignalEmitter;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BusTest {
    @Inject
    RecordingSubscriber recorder;
    @Inject
    FlakySubscriber flaky;
    @Inject
    GatedSubscriber gated;
    @Inject
    SignalEmitter emitter;
    @Inject
    AgroalDataSource db;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** Outbox rows (position, signal id) of one aggregate, in position order. */
    List<UUID> outboxOf(UUID aggregate) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT signal_id FROM core.signal_outbox WHERE aggregate_id = ? ORDER BY seq")) {
            ps.setObject(1, aggregate);
            try (ResultSet rs = ps.executeQuery()) {
                List<UUID> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
                return out;
            }
        }
    }

    Instant occurredAt(UUID aggregate) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT min(occurred_at) FROM core.signal_outbox WHERE aggregate_id = ?")) {
            ps.setObject(1, aggregate);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    List<UUID> receivedOf(List<Received> list, UUID aggregate) {
        return list.stream().filter(r -> r.signal().envelope().aggregateId().equals(aggregate))
                .map(r -> r.signal().envelope().signalId()).toList();
    }

    @Test
    void everyCommittedSignalArrivesInOrderPerAggregate() throws Exception {
        String facility = TestApi.facility();
        List<String> ward = TestApi.wardWithBeds(facility, 12);
        int n = 6;
        List<String> encounters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            encounters.add(TestApi.encounter(TestApi.patient(facility), "INPATIENT", "PLANNED"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String enc = encounters.get(i);
            String bedA = ward.get(1 + 2 * i);
            String bedB = ward.get(2 + 2 * i);
            done.add(pool.submit(() -> {
                as(admin()).post("/api/v1/encounters/" + enc + "/start").then().statusCode(200);
                TestApi.admit(admin(), enc, bedA).statusCode(200);
                as(admin()).body(Map.of("bedId", bedB)).post("/api/v1/encounters/" + enc + "/transfer").then().statusCode(200);
                as(admin()).body(Map.of("disposition", "HOME")).post("/api/v1/encounters/" + enc + "/discharge").then().statusCode(200);
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        for (String enc : encounters) {
            UUID id = UUID.fromString(enc);
            List<UUID> expected = outboxOf(id);
            assertEquals(4, expected.size(), "started, admitted, transferred, completed");
            await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(recorder.received(), id).size() >= 4);
            assertEquals(expected, receivedOf(recorder.received(), id), "delivered in commit order for encounter " + enc);
        }
        // Each bed saw FREE -> OCCUPIED -> CLEANING in that order.
        for (int b = 1; b <= 2 * n; b++) {
            UUID bed = UUID.fromString(ward.get(b));
            await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(recorder.received(), bed).size() >= 3);
            assertEquals(outboxOf(bed), receivedOf(recorder.received(), bed));
        }
    }

    @Test
    void aConcurrentBurstOfSignalsArrivesCompletelyAndOnlyOnce() throws Exception {
        UUID aggregate = UUID.randomUUID();
        int threads = 4;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    UUID agg = i % 2 == 0 ? aggregate : UUID.randomUUID();
                    QuarkusTransaction.requiringNew().run(() -> emitter.emit(new FacilityUpdated(
                            emitter.envelope(FacilityUpdated.class, "Facility", agg, agg), agg, "Burst", "CLINIC", null, null, true)));
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        List<UUID> expected = outboxOf(aggregate);
        assertEquals(threads * perThread / 2, expected.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> receivedOf(recorder.received(), aggregate).size() >= expected.size());
        assertEquals(expected, receivedOf(recorder.received(), aggregate), "complete, in order, no duplicates");
    }

    @Test
    void aRolledBackTransactionEmitsNothingAndDoesNotStallDelivery() throws Exception {
        UUID ghost = UUID.randomUUID();
        AtomicReference<UUID> emitted = new AtomicReference<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                FacilityUpdated s = new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", ghost, ghost), ghost, "Ghost",
                        "CLINIC", null, null, true);
                emitter.emit(s);
                emitted.set(s.envelope().signalId());
                throw new IllegalStateException("roll back after emitting " + s.envelope().signalId());
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertTrue(emitted.get() != null, "the signal was emitted inside the transaction");
        assertEquals(List.of(), outboxOf(ghost), "a rolled-back transaction leaves no signal");
        // The position the rolled-back row took is a hole; later signals must still flow.
        String facility = TestApi.facility();
        UUID id = UUID.fromString(facility);
        await().atMost(Duration.ofSeconds(20)).until(() -> !receivedOf(recorder.received(), id).isEmpty());
        assertTrue(receivedOf(recorder.received(), ghost).isEmpty());
        assertTrue(recorder.received().stream().noneMatch(r -> r.signal().envelope().signalId().equals(emitted.get())),
                "the rolled-back signal reached nobody");
    }

    @Test
    void aBlockedHandlerHoldsUpNeitherRequestsNorOtherSubscribers() throws Exception {
        UUID held = UUID.randomUUID();
        gated.gate(held);
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            QuarkusTransaction.requiringNew().run(() -> emitter.emit(new FacilityUpdated(
                    emitter.envelope(FacilityUpdated.class, "Facility", held, held), held, "Held", "CLINIC", null, null, true)));
            await().atMost(Duration.ofSeconds(20)).until(() -> gated.waiting(held) == 1);
            // The gated handler now blocks until released, for as long as it takes. A request answers meanwhile...
            String other = client.submit(TestApi::facility).get(10, TimeUnit.SECONDS);
            UUID o = UUID.fromString(other);
            // ...and the other subscribers get its signal while the handler is still blocked.
            await().atMost(Duration.ofSeconds(10)).until(() -> !receivedOf(recorder.received(), o).isEmpty()
                    && !receivedOf(flaky.handled(), o).isEmpty());
            assertEquals(1, gated.waiting(held), "still blocked while the others received");
            assertTrue(receivedOf(gated.handled(), o).isEmpty(), "the blocked subscriber itself waits in order");
            gated.release(held, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> !receivedOf(gated.handled(), o).isEmpty());
            assertEquals(1, receivedOf(gated.handled(), held).size());
        } finally {
            gated.release(held, 1000);
            client.shutdownNow();
        }
    }

    @Test
    void aSlowSubscriberFallsBehindAloneThenCatchesUpInOrder() throws Exception {
        UUID slow = UUID.randomUUID();
        gated.gate(slow);
        try {
            int n = 20;
            for (int i = 0; i < n; i++) {
                QuarkusTransaction.requiringNew().run(() -> emitter.emit(new FacilityUpdated(
                        emitter.envelope(FacilityUpdated.class, "Facility", slow, slow), slow, "Slow", "CLINIC", null, null, true)));
            }
            List<UUID> expected = outboxOf(slow);
            assertEquals(n, expected.size());
            // The recorder gets all of them while the slow one has handled none (it gets one permit at a time, below).
            await().atMost(Duration.ofSeconds(10)).until(() -> receivedOf(recorder.received(), slow).size() == n);
            assertEquals(expected, receivedOf(recorder.received(), slow));
            assertTrue(receivedOf(gated.handled(), slow).isEmpty());
            for (int i = 1; i <= n; i++) {
                int handled = i;
                gated.release(slow, 1);
                await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(gated.handled(), slow).size() == handled);
            }
            assertEquals(expected, receivedOf(gated.handled(), slow), "all of them, in order, once");
        } finally {
            gated.release(slow, 1000);
        }
    }

    @Test
    void aLateCommittingTransactionIsDeliveredAfterItCommitsAndNothingIsSkipped() throws Exception {
        UUID held = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        // A second, plain JDBC connection: its transaction draws a position first and commits after later ones.
        try (Connection c = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
            c.setAutoCommit(false);
            FacilityUpdated heldSignal = new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", held, held), held, "Held",
                    "CLINIC", null, null, true);
            try (PreparedStatement ps = c.prepareStatement(OUTBOX_INSERT)) {
                network.ohc.care.bus.api.SignalOutbox.bind(ps, heldSignal.envelope(), json.writeValueAsString(heldSignal));
                ps.executeUpdate();
            }
            for (int i = 0; i < 3; i++) {
                QuarkusTransaction.requiringNew().run(() -> emitter.emit(new FacilityUpdated(
                        emitter.envelope(FacilityUpdated.class, "Facility", later, later), later, "Later", "CLINIC", null, null, true)));
            }
            // Held open well past the bus' in-memory window and several polls while the later ones are committed.
            Thread.sleep(2000);
            assertTrue(receivedOf(recorder.received(), held).isEmpty(), "not delivered before it commits");
            c.commit();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(recorder.received(), held).size() == 1
                && receivedOf(recorder.received(), later).size() == 3);
        assertEquals(outboxOf(held), receivedOf(recorder.received(), held), "the late one arrived, once");
        assertEquals(outboxOf(later), receivedOf(recorder.received(), later), "the later ones arrived, once, in order");
        List<Long> heldSeq = seqsOf(held);
        assertTrue(heldSeq.get(0) < seqsOf(later).get(0), "the held transaction drew its position before the later ones");
    }

    /** The outbox insert of OutboxWriter, on a connection of the test's own. */
    static final String OUTBOX_INSERT = """
            INSERT INTO core.signal_outbox (seq, tx_id, signal_id, type, schema_version, aggregate_type, aggregate_id,
                facility_id, occurred_at, actor, correlation_id, payload)
            OVERRIDING SYSTEM VALUE
            SELECT nextval(pg_get_serial_sequence('core.signal_outbox', 'seq')), x.id, ?, ?, ?, ?, ?, ?, cast(? AS timestamptz), ?, ?, cast(? AS jsonb)
            FROM (SELECT pg_current_xact_id() AS id OFFSET 0) x""";

    List<Long> seqsOf(UUID aggregate) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM core.signal_outbox WHERE aggregate_id = ? ORDER BY seq")) {
            ps.setObject(1, aggregate);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
                return out;
            }
        }
    }

    @Test
    void aFailingSubscriberDeadLettersAndParksButBlocksNobodyThenReplays() throws Exception {
        String facility = TestApi.facility();
        UUID f = UUID.fromString(facility);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(flaky.handled(), f).size() == 1);
        flaky.failOn().add(f);
        // Two more signals for the poisoned aggregate, then one for another aggregate.
        as(admin()).body(Map.of("district", "One")).patch("/api/v1/facilities/" + facility).then().statusCode(200);
        as(admin()).body(Map.of("district", "Two")).patch("/api/v1/facilities/" + facility).then().statusCode(200);
        String other = TestApi.facility();
        UUID o = UUID.fromString(other);

        // The recorder (another subscriber), and the flaky one on other aggregates, are not held up.
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(recorder.received(), f).size() == 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> !receivedOf(flaky.handled(), o).isEmpty());
        assertEquals(1, receivedOf(flaky.handled(), f).size());

        var letters = as(admin()).get("/api/v1/bus/subscriptions/test-flaky/dead-letters").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = letters.<Map<String, Object>>getList("").stream()
                .filter(m -> facility.equals(m.get("aggregateId"))).toList();
        assertEquals(2, mine.size(), letters.prettify());
        assertEquals(3, mine.get(0).get("attempts"));
        assertEquals(false, mine.get(0).get("parked"));
        assertEquals(true, mine.get(1).get("parked"), "later signals of the aggregate wait behind the first");
        assertEquals(0, mine.get(1).get("attempts"));

        // The counters reach the table with the worker's next position save, a moment after the dead letters.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var subs = as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200).extract().jsonPath();
            Map<String, Object> flakyState = subs.<Map<String, Object>>getList("").stream().filter(m -> m.get("name").equals("test-flaky"))
                    .findFirst().orElseThrow();
            assertTrue(((Number) flakyState.get("openDeadLetters")).intValue() >= 2, flakyState.toString());
            assertTrue(((Number) flakyState.get("failed")).intValue() >= 3, flakyState.toString());
            assertTrue(String.valueOf(flakyState.get("lastError")).contains("poisoned"), flakyState.toString());
        });

        // Fixed: replaying the dead letters delivers them, in order.
        flaky.failOn().remove(f);
        as(admin()).body(Map.of("deadLetters", true)).post("/api/v1/bus/subscriptions/test-flaky/replay").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(flaky.handled(), f).size() == 3);
        assertEquals(outboxOf(f), receivedOf(flaky.handled(), f));
        assertTrue(flaky.handled().stream().filter(r -> r.signal().envelope().aggregateId().equals(f)).skip(1)
                .allMatch(r -> r.delivery().replay()));
        as(admin()).get("/api/v1/bus/subscriptions/test-flaky/dead-letters").then().statusCode(200)
                .body("findAll { it.aggregateId == '" + facility + "' }.size()", equalTo(0));
        // Afterwards new signals of that aggregate flow normally again.
        as(admin()).body(Map.of("district", "Three")).patch("/api/v1/facilities/" + facility).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(flaky.handled(), f).size() == 4);
    }

    @Test
    void aHangingSubscriberTimesOutWithoutHoldingUpRequestsOrOthers() throws Exception {
        String facility = TestApi.facility();
        UUID f = UUID.fromString(facility);
        flaky.hangOn().add(f);
        try {
            as(admin()).body(Map.of("district", "Hang")).patch("/api/v1/facilities/" + facility).then().statusCode(200);
            // Requests keep answering at once while the handler hangs.
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                TestApi.facility();
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10, "requests are not held up by a handler");
            String other = TestApi.facility();
            await().atMost(Duration.ofSeconds(20)).until(() -> !receivedOf(recorder.received(), UUID.fromString(other)).isEmpty());
            // 3 attempts x 700 ms timeout, then the hanging signal is dead-lettered and the flaky one moves on.
            await().atMost(Duration.ofSeconds(30)).until(() -> !receivedOf(flaky.handled(), UUID.fromString(other)).isEmpty());
            List<String> dead = as(admin()).get("/api/v1/bus/subscriptions/test-flaky/dead-letters").then().statusCode(200)
                    .extract().path("findAll { it.aggregateId == '" + facility + "' }.error");
            assertTrue(dead.get(0).contains("timed out"), dead.toString());
        } finally {
            flaky.hangOn().remove(f);
        }
    }

    @Test
    void replayFromAPointInTimeRedeliversWhatFollows() throws Exception {
        String before = TestApi.facility();
        String after = TestApi.facility();
        // The mark is the occurrence time stored with the later signal, so no clock needs to agree with another.
        Instant mark = occurredAt(UUID.fromString(after));
        assertTrue(occurredAt(UUID.fromString(before)).isBefore(mark));
        UUID a = UUID.fromString(after);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(recorder.received(), a).size() == 1);
        as(admin()).body(Map.of("from", mark.toString())).post("/api/v1/bus/subscriptions/test-recorder/replay").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedOf(recorder.received(), a).size() == 2);
        Received again = recorder.received().stream().filter(r -> r.signal().envelope().aggregateId().equals(a)).toList().get(1);
        assertTrue(again.delivery().replay());
        assertEquals(1, receivedOf(recorder.received(), UUID.fromString(before)).size(), "signals before the mark are not replayed");
    }

    @Test
    void busEndpointsAreForSuperusersOnly() {
        String facility = TestApi.facility();
        String facilityAdmin = TestApi.staff(facility, "ADMIN");
        as(facilityAdmin).get("/api/v1/bus/subscriptions").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/bus/subscriptions").then().statusCode(401);
        as(admin()).get("/api/v1/bus/subscriptions/nope/dead-letters").then().statusCode(404);
        as(admin()).body(Map.of()).post("/api/v1/bus/subscriptions/test-recorder/replay").then().statusCode(400);
        Set<String> names = as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class).stream().collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("test-recorder", "test-flaky")), names.toString());
    }
}
