package network.ohc.care.core.bus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.signal.SignalEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Database faults during a burst of writes, on a PostgreSQL of the test's own ({@link OwnPostgres}), delivered to the
 * eight {@link FaultSubscribers}. For each fault: every acknowledged write (a commit that returned) reaches every
 * subscriber; duplicates (at-least-once redeliveries) are counted and printed, not forbidden.
 */
@QuarkusTest
@TestProfile(BusFaultTest.Faults.class)
class BusFaultTest {
    public static class Faults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A small pool with a short wait, so that eight slow handlers can exhaust it.
            return Map.of("care.test.fault-subscribers", "true", "quarkus.datasource.jdbc.max-size", "8",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnPostgres.class));
        }
    }

    @Inject
    SignalEmitter emitter;
    @Inject
    AgroalDataSource db;

    @BeforeEach
    void clear() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT inet_server_port()")) {
            rs.next();
            assertEquals(OwnPostgres.port(), rs.getInt(1), "the app runs on the test's own PostgreSQL, not the shared one");
        }
        FaultSubscribers.RECEIVED.clear();
        FaultSubscribers.holdMillis = 0;
        FaultSubscribers.STARVED.set(0);
    }

    /** Commits one signal in a transaction of its own; returns its id once the commit returned. */
    UUID write(UUID aggregate) {
        FacilityUpdated s = new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", aggregate, aggregate), aggregate,
                "Fault", "CLINIC", null, null, true);
        QuarkusTransaction.requiringNew().run(() -> emitter.emit(s));
        return s.envelope().signalId();
    }

    /** Writers committing one signal per transaction until stopped; what they were told committed, and what failed. */
    final class Burst implements AutoCloseable {
        final Set<UUID> acked = ConcurrentHashMap.newKeySet();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger ackedSinceMark = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService pool;
        private final List<Future<?>> writers = new ArrayList<>();

        Burst(int threads) {
            pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                writers.add(pool.submit(() -> {
                    UUID aggregate = UUID.randomUUID();
                    for (int i = 0; !stop.get(); i++) {
                        if (i % 10 == 0) {
                            aggregate = UUID.randomUUID();
                        }
                        try {
                            acked.add(write(aggregate));
                            ackedSinceMark.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet(); // not acknowledged: it may or may not have committed
                        }
                        Thread.sleep(5);
                    }
                    return null;
                }));
            }
        }

        void mark() {
            ackedSinceMark.set(0);
        }

        @Override
        public void close() throws Exception {
            stop.set(true);
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
    }

    /**
     * Waits until every subscriber has every acknowledged signal, then a little longer for late redeliveries; prints the
     * figures and fails on any acknowledged signal a subscriber never got.
     */
    void assertAllDelivered(String fault, Set<UUID> acked, String detail) throws Exception {
        await(fault + ": every acknowledged write delivered to every subscriber").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> FaultSubscribers.NAMES.stream().allMatch(n -> FaultSubscribers.of(n).keySet().containsAll(acked)));
        Thread.sleep(1500); // redeliveries still under way show up in the duplicate count
        long duplicates = 0;
        long delivered = 0;
        long missing = 0;
        for (String name : FaultSubscribers.NAMES) {
            Map<UUID, AtomicInteger> got = FaultSubscribers.of(name);
            for (UUID id : acked) {
                AtomicInteger n = got.get(id);
                if (n == null) {
                    missing++;
                } else {
                    delivered++;
                    duplicates += n.get() - 1;
                }
            }
        }
        System.out.printf("FAULT %-24s acknowledged %5d | subscribers %d | delivered %6d | missing %d | duplicates %d | %s%n", fault,
                acked.size(), FaultSubscribers.NAMES.size(), delivered, missing, duplicates, detail);
        assertEquals(0, missing, fault + ": acknowledged writes a subscriber never got");
    }

    @Test
    void postgresRestartedMidBurst() throws Exception {
        long restartMillis;
        int before;
        Burst burst = new Burst(4);
        try (burst) {
            Thread.sleep(2000);
            before = burst.acked.size();
            restartMillis = OwnPostgres.restart();
            burst.mark();
            Thread.sleep(4000);
        }
        assertTrue(before > 0 && burst.ackedSinceMark.get() > 0, "writes acknowledged before (" + before + ") and after ("
                + burst.ackedSinceMark.get() + ") the restart");
        assertAllDelivered("postgres-restart", burst.acked, String.format("%d acknowledged before the restart, %d after; %d writes failed; "
                + "server down and up again in %d ms", before, burst.ackedSinceMark.get(), burst.failed.get(), restartMillis));
    }

    @Test
    void connectionsKilledAtASteadyRate() throws Exception {
        AtomicInteger killed = new AtomicInteger();
        Burst burst = new Burst(4);
        try (burst; Connection admin = DriverManager.getConnection(OwnPostgres.adminUrl(), OwnPostgres.user(), "");
                PreparedStatement kill = admin.prepareStatement("""
                        SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM (
                            SELECT pid FROM pg_stat_activity
                            WHERE datname = current_database() AND application_name = ? AND pid <> pg_backend_pid()
                            ORDER BY random() LIMIT 1) victim""")) {
            kill.setString(1, OwnPostgres.APP_NAME);
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < until) {
                try (ResultSet rs = kill.executeQuery()) {
                    rs.next();
                    killed.addAndGet(rs.getInt(1));
                }
                Thread.sleep(100); // ten a second
            }
        }
        assertTrue(killed.get() > 20, "connections killed: " + killed.get());
        assertAllDelivered("pg_terminate_backend", burst.acked,
                String.format("%d of the app's connections killed over 8 s (10/s tried); %d writes failed", killed.get(), burst.failed.get()));
    }

    @Test
    void poolExhaustedBySlowHandlers() throws Exception {
        assertEquals(8, db.getConfiguration().connectionPoolConfiguration().maxSize(), "the profile's pool size");
        Burst burst = new Burst(4);
        try (burst) {
            // Eight subscribers each keep one of the pool's eight connections for 2.5 s per signal, longer than anyone
            // else waits for one (1 s).
            FaultSubscribers.holdMillis = 2500;
            Thread.sleep(8000);
        } finally {
            FaultSubscribers.holdMillis = 0;
        }
        int starved = FaultSubscribers.STARVED.get() + burst.failed.get();
        assertTrue(starved > 0, "the pool was exhausted: some acquisition timed out");
        assertAllDelivered("pool-exhausted", burst.acked, String.format("pool of 8, 8 handlers holding a connection 2.5 s per signal for 8 s; "
                + "%d writes and %d handler acquisitions timed out", burst.failed.get(), FaultSubscribers.STARVED.get()));
    }

    @Test
    void aLongTransactionHoldingALowPositionWhileLaterOnesCommit() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        UUID low = UUID.randomUUID();
        ExecutorService longTx = Executors.newSingleThreadExecutor();
        Future<UUID> lowSignal = longTx.submit(() -> {
            FacilityUpdated s = new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", low, low), low, "Low", "CLINIC", null,
                    null, true);
            QuarkusTransaction.requiringNew().run(() -> {
                emitter.emit(s);
                holding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            return s.envelope().signalId();
        });
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        Set<UUID> acked = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 200; i++) {
            acked.add(write(UUID.randomUUID()));
        }
        Thread.sleep(3000); // the later ones are committed and readable; the low position is still in flight
        long deliveredMeanwhile = FaultSubscribers.of("fault-1").keySet().stream().filter(acked::contains).count();
        release.countDown();
        UUID lowId = lowSignal.get(30, TimeUnit.SECONDS);
        longTx.shutdown();
        long lowSeq = seqOf(lowId);
        assertTrue(acked.stream().allMatch(id -> seqOf(id) > lowSeq), "the long transaction held the lowest position");
        acked.add(lowId);
        assertAllDelivered("long-transaction", acked, String.format(
                "position %d held open ~3 s while 200 later ones committed; %d of them delivered meanwhile", lowSeq, deliveredMeanwhile));
    }

    long seqOf(UUID signal) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT seq FROM core.signal_outbox WHERE signal_id = ?")) {
            ps.setObject(1, signal);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
