package network.ohc.care.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fencing: the instance holding the subscribers' leases is frozen with SIGSTOP (a stop-the-world pause, a VM
 * migration) past its lease while writes go on, the other instance takes the leases over, then the frozen one is
 * resumed with SIGCONT. It must start no handler after its lease ran out; every acknowledged write still arrives.
 */
class BusFencingIT {
    @Test
    void aLeaseHolderFrozenPastItsLeaseDeliversNothingOnceResumed() throws Exception {
        ItDatabase db = ItDatabase.fresh("care_it_fence");
        Path data = Files.createTempDirectory("care-it-fence");
        // A's handlers are slow (1 s each, slower than the writers), so A has a backlog and is in the middle of a run of
        // signals when frozen.
        try (CareProcess a = CareProcess.start(db.url, data, Map.of("CARE_IT_SINK_DELAY_MS", "1000"))) {
            for (String sink : BusDurabilityIT.SINKS) {
                await(sink + " leased by A").atMost(Duration.ofSeconds(30)).until(() -> owner(db, sink).contains("/" + a.pid() + "/"));
            }
            try (CareProcess b = CareProcess.start(db.url, data, Map.of())) {
                ExecutorService pool = Executors.newFixedThreadPool(3);
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger acked = new AtomicInteger();
                List<Future<?>> writers = BusDurabilityIT.burst(pool, 3, List.of(b), stop, acked);
                Map<String, Timestamp> leaseEnd = new HashMap<>();
                long frozenMillis;
                try {
                    // Frozen only once A is well behind (its run in hand has more signals to go), however slow the writes.
                    await("a backlog at A").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                            .until(() -> db.outbox().size() - db.delivered("it-sink-a").size() >= 10);
                    signal("STOP", a.pid());
                    long frozenAt = System.nanoTime();
                    Thread.sleep(500); // a renewal A sent just before the freeze has committed by now
                    for (String sink : BusDurabilityIT.SINKS) {
                        leaseEnd.put(sink, leaseUntil(db, sink, a.pid()));
                    }
                    for (String sink : BusDurabilityIT.SINKS) {
                        await(sink + " taken over by B").atMost(Duration.ofSeconds(40))
                                .until(() -> owner(db, sink).contains("/" + b.pid() + "/"));
                    }
                    Thread.sleep(2000); // B delivers what A left
                    frozenMillis = (System.nanoTime() - frozenAt) / 1_000_000;
                } finally {
                    signal("CONT", a.pid());
                }
                Thread.sleep(3000); // A runs again beside B, the burst still going
                stop.set(true);
                for (Future<?> f : writers) {
                    f.get(30, TimeUnit.SECONDS);
                }
                pool.shutdown();

                Set<UUID> committed = db.outbox();
                for (String sink : BusDurabilityIT.SINKS) {
                    await(sink + ": every committed signal delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                            .until(() -> db.delivered(sink).containsAll(committed));
                    Thread.sleep(500);
                    long byA = count(db, "SELECT count(*) FROM it_sink.delivery WHERE subscriber = ? AND instance LIKE ?", sink, a.pid(), null);
                    long late = count(db, "SELECT count(*) FROM it_sink.delivery WHERE subscriber = ? AND instance LIKE ? AND started > ?", sink,
                            a.pid(), leaseEnd.get(sink));
                    long byB = count(db, "SELECT count(*) FROM it_sink.delivery WHERE subscriber = ? AND instance LIKE ?", sink, b.pid(), null);
                    long all = db.deliveries(sink);
                    long distinct = db.delivered(sink).size();
                    System.out.printf("FAULT %-24s acknowledged %5d | %s | committed %d | delivered %d (%d by A before the freeze or in "
                            + "flight) | missing %d | duplicates %d | handlers A started after its lease ran out: %d | frozen %d ms, lease 10 s%n",
                            "sigstop-lease-holder", acked.get(), sink, committed.size(), distinct, byA, committed.size() - distinct,
                            all - distinct, late, frozenMillis);
                    assertTrue(byA > 0, sink + ": A delivered before it was frozen");
                    assertTrue(byB > 0, sink + ": B delivered after the takeover");
                    assertEquals(0, late, sink + ": handlers the frozen instance started after its lease ran out (" + leaseEnd.get(sink) + ")");
                }
            }
        }
    }

    /** Sends signal {@code name} (STOP, CONT, ...) to process {@code pid}. */
    static void signal(String name, long pid) throws Exception {
        int rc = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start().waitFor();
        assertEquals(0, rc, "kill -" + name + " " + pid);
    }

    private static String owner(ItDatabase db, String sink) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(lease_owner, '') FROM core.signal_subscription WHERE name = ?")) {
            ps.setString(1, sink);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    private static Timestamp leaseUntil(ItDatabase db, String sink, long pid) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT lease_until FROM core.signal_subscription WHERE name = ? AND lease_owner LIKE ?")) {
            ps.setString(1, sink);
            ps.setString(2, "%/" + pid + "/%");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sink + " still leased by the frozen instance");
                return rs.getTimestamp(1);
            }
        }
    }

    private static long count(ItDatabase db, String sql, String sink, long pid, Timestamp after) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sink);
            ps.setString(2, "%/" + pid + "/%");
            if (after != null) {
                ps.setTimestamp(3, after);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
