package network.ohc.care.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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

/** Delivery guarantees that only real processes can show: SIGKILL during a burst, and two instances on one database. */
class BusDurabilityIT {
    static final List<String> SINKS = List.of("it-sink-a", "it-sink-b");

    /** Writes facilities and facility updates from {@code threads} threads until {@code stop}; counts acknowledged writes. */
    static List<Future<?>> burst(ExecutorService pool, int threads, List<CareProcess> targets, AtomicBoolean stop, AtomicInteger acked) {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            CareProcess app = targets.get(t % targets.size());
            String token = app.token();
            futures.add(pool.submit(() -> {
                String facility = null;
                int i = 0;
                while (!stop.get()) {
                    try {
                        var spec = RestAssured.given().port(app.port).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
                        int status;
                        if (facility == null || i % 10 == 0) {
                            var r = spec.body(Map.of("name", "Burst " + UUID.randomUUID(), "kind", "CLINIC")).post("/api/v1/facilities");
                            status = r.statusCode();
                            if (status == 201) {
                                facility = r.path("id");
                            }
                        } else {
                            status = spec.body(Map.of("district", "D" + i)).patch("/api/v1/facilities/" + facility).statusCode();
                        }
                        if (status / 100 == 2) {
                            acked.incrementAndGet();
                        }
                        i++;
                    } catch (Exception e) {
                        return null; // the server went away (it was killed)
                    }
                }
                return null;
            }));
        }
        return futures;
    }

    /** An acknowledged (2xx) write: the facility, and the district it set (null: the facility's creation). */
    record Acked(String facility, String district) {
    }

    /**
     * Like {@link #burst}, but keeps every acknowledged write, counts other replies, and records any failure that is
     * not the server going away after {@code killed} was set.
     */
    static List<Future<?>> recordedBurst(ExecutorService pool, int threads, CareProcess app, AtomicBoolean stop, AtomicBoolean killed,
            List<Acked> acked, AtomicInteger refused, List<Throwable> errors) {
        List<Future<?>> futures = new ArrayList<>();
        String token = app.token();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                String facility = null;
                int i = 0;
                while (!stop.get()) {
                    try {
                        var spec = RestAssured.given().port(app.port).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
                        if (facility == null || i % 10 == 0) {
                            var r = spec.body(Map.of("name", "Burst " + UUID.randomUUID(), "kind", "CLINIC")).post("/api/v1/facilities");
                            if (r.statusCode() == 201) {
                                facility = r.path("id");
                                acked.add(new Acked(facility, null));
                            } else {
                                refused.incrementAndGet();
                            }
                        } else {
                            String district = "D" + thread + "-" + i;
                            int status = spec.body(Map.of("district", district)).patch("/api/v1/facilities/" + facility).statusCode();
                            if (status == 200) {
                                acked.add(new Acked(facility, district));
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                        i++;
                    } catch (Exception e) {
                        if (!killed.get()) {
                            errors.add(e); // a writer failing before the kill is a failure of the test, not its end
                        }
                        return null;
                    }
                }
                return null;
            }));
        }
        return futures;
    }

    @Test
    void killedWithSigkillDuringABurstThenRestartedEverySignalStillArrives() throws Exception {
        ItDatabase db = ItDatabase.fresh("care_it_crash");
        Path data = Files.createTempDirectory("care-it-crash");
        // A slow subscriber guarantees a backlog at the moment of the kill.
        Map<String, String> slow = Map.of("CARE_IT_SINK_DELAY_MS", "40");
        CareProcess first = CareProcess.start(db.url, data, slow);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killed = new AtomicBoolean();
        List<Acked> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Future<?>> writers = recordedBurst(pool, 4, first, stop, killed, acked, refused, errors);
        // Mid-burst: at least 3 s of writing and 30 acknowledged writes, however slow a loaded machine is.
        Thread.sleep(3000);
        await().atMost(Duration.ofSeconds(120)).until(() -> acked.size() >= 30 || !errors.isEmpty());
        killed.set(true);
        first.kill9();
        stop.set(true);
        for (Future<?> f : writers) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(List.of(), errors, "writers failed before the kill");
        assertEquals(0, refused.get(), "writes refused before the kill");
        assertTrue(acked.size() > 10, "the burst wrote something: " + acked.size());

        // Each acknowledged write left its own signal.
        Map<Acked, UUID> signalOf = new java.util.HashMap<>();
        for (Acked a : acked) {
            UUID id = db.signalOf(a.facility(), a.district());
            assertTrue(id != null, "acknowledged write lost: " + a);
            signalOf.put(a, id);
        }
        Set<UUID> committed = db.outbox();
        Set<UUID> beforeRestart = db.delivered("it-sink-a");
        assertTrue(beforeRestart.size() < committed.size(),
                "the kill must leave undelivered signals for this test to mean anything (" + beforeRestart.size() + " of " + committed.size() + ")");

        try (CareProcess second = CareProcess.start(db.url, data, Map.of())) {
            for (String sink : SINKS) {
                await(sink + ": every committed signal delivered after the restart").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> db.delivered(sink).containsAll(committed));
                Set<UUID> delivered = db.delivered(sink);
                for (Map.Entry<Acked, UUID> e : signalOf.entrySet()) {
                    assertTrue(delivered.contains(e.getValue()), sink + ": acknowledged write never delivered: " + e.getKey());
                }
                assertEquals(Map.of(), db.outOfOrder(sink), sink + ": aggregates whose signals arrived out of order (first deliveries, by seq)");
            }
            System.out.printf("crash test: %d acknowledged writes (each checked), %d signals committed, %d delivered before the kill, all after restart%n",
                    acked.size(), committed.size(), beforeRestart.size());
        }
    }

    @Test
    void twoInstancesOnOneDatabaseHandleEachSignalOncePerSubscriberAndFailOver() throws Exception {
        ItDatabase db = ItDatabase.fresh("care_it_pair");
        Path data = Files.createTempDirectory("care-it-pair");
        try (CareProcess a = CareProcess.start(db.url, data, Map.of()); CareProcess b = CareProcess.start(db.url, data, Map.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acked = new AtomicInteger();
            List<Future<?>> writers = burst(pool, 4, List.of(a, b), stop, acked);
            Thread.sleep(3000);
            stop.set(true);
            for (Future<?> f : writers) {
                f.get(30, TimeUnit.SECONDS);
            }
            Set<UUID> committed = db.outbox();
            for (String sink : SINKS) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                        .until(() -> db.delivered(sink).containsAll(committed));
                assertEquals(committed.size(), db.deliveries(sink), sink + ": each signal handled exactly once across both instances");
            }

            // Kill whichever instance delivers sink a; the other takes its lease over and goes on.
            String holder = db.deliveriesByInstance("it-sink-a").keySet().iterator().next();
            CareProcess victim = holder.contains("/" + pidOf(a) + "/") ? a : b;
            CareProcess survivor = victim == a ? b : a;
            victim.kill9();
            AtomicBoolean stop2 = new AtomicBoolean();
            List<Future<?>> more = burst(pool, 2, List.of(survivor), stop2, acked);
            Thread.sleep(1500);
            stop2.set(true);
            for (Future<?> f : more) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Set<UUID> all = db.outbox();
            assertTrue(all.size() > committed.size());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> db.delivered("it-sink-a").containsAll(all));
            assertEquals(2, db.deliveriesByInstance("it-sink-a").size(), "the survivor took over delivery");
            System.out.printf("two instances: %d signals, each once per subscriber; failover delivered %d more%n", committed.size(),
                    all.size() - committed.size());
        }
    }

    @Test
    void twoInstancesSplitBySubscriberDeliverTheirOwnThenCompeteOncePerSubscriber() throws Exception {
        ItDatabase db = ItDatabase.fresh("care_it_split");
        Path data = Files.createTempDirectory("care-it-split");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CareProcess a = CareProcess.start(db.url, data, Map.of("CARE_BUS_PAUSED_SUBSCRIBERS", "it-sink-b"));
        try (a; CareProcess b = CareProcess.start(db.url, data, Map.of("CARE_BUS_PAUSED_SUBSCRIBERS", "it-sink-a"))) {
            // Split: each instance delivers only the subscriber the other one has paused.
            writeFor(pool, List.of(a, b), 2000);
            Set<UUID> split = db.outbox();
            awaitEachOnce(db, split);
            assertEquals(Set.of(a.pid()), pids(db, "it-sink-a"), "it-sink-a is delivered by A alone (B has it paused)");
            assertEquals(Set.of(b.pid()), pids(db, "it-sink-b"), "it-sink-b is delivered by B alone (A has it paused)");

            // Compete: A comes back with nothing paused and vies with B for it-sink-b's lease; then B stops and A
            // takes it-sink-b over where B left it.
            a.stop();
            try (CareProcess a2 = CareProcess.start(db.url, data, Map.of())) {
                writeFor(pool, List.of(a2, b), 2000);
                b.stop();
                writeFor(pool, List.of(a2), 1500);
                Set<UUID> all = db.outbox();
                assertTrue(all.size() > split.size());
                awaitEachOnce(db, all);
                assertTrue(pids(db, "it-sink-b").contains(a2.pid()), "A took it-sink-b over after B stopped: " + pids(db, "it-sink-b"));
                System.out.printf("split then compete: %d signals while split, %d in all, each once per subscriber%n", split.size(), all.size());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Writes to {@code targets} from 4 threads for {@code millis}, then waits for the writers. */
    private static void writeFor(ExecutorService pool, List<CareProcess> targets, long millis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> writers = burst(pool, 4, targets, stop, new AtomicInteger());
        Thread.sleep(millis);
        stop.set(true);
        for (Future<?> f : writers) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until both sinks have every signal of {@code committed}; then checks none came twice. */
    private static void awaitEachOnce(ItDatabase db, Set<UUID> committed) throws Exception {
        for (String sink : SINKS) {
            await(sink + ": every committed signal delivered").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> db.delivered(sink).containsAll(committed));
            assertEquals(committed.size(), db.deliveries(sink), sink + ": each signal handled exactly once");
        }
    }

    /** Process ids of the instances that delivered to {@code sink} (instance names are host/pid/random). */
    private static Set<Long> pids(ItDatabase db, String sink) throws Exception {
        Set<Long> out = new HashSet<>();
        for (String instance : db.deliveriesByInstance(sink).keySet()) {
            String[] parts = instance.split("/");
            out.add(Long.parseLong(parts[parts.length - 2]));
        }
        return out;
    }

    private static long pidOf(CareProcess p) {
        String me = RestAssured.given().port(p.port).get("/q/health").asString();
        return me.isEmpty() ? -1 : pidFromLog(p);
    }

    private static long pidFromLog(CareProcess p) {
        return new HashSet<>(List.of(p.tail().split("\n"))).stream().filter(l -> l.contains("Delivering signals"))
                .map(l -> l.substring(l.lastIndexOf(" as ") + 4).split("/")[1]).mapToLong(Long::parseLong).findFirst().orElse(-1);
    }
}
