package network.ohc.care.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.signal.SignalEmitter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The soak ({@code bench.mode=soak}): signals at a steady rate, one per transaction, to the active subscribers for
 * {@code bench.soak-minutes}; every {@code bench.soak-report-seconds} one line with the heap (after the last
 * collection), the delivery lag, commit-to-handler latency and the outbox's size, so that growth shows. Prints
 * "SOAK" lines, and a summary comparing the second half of the run to the first.
 */
@ApplicationScoped
public class SoakRunner {
    @Inject
    SignalEmitter emitter;
    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "bench.rate", defaultValue = "500")
    int rate;
    @ConfigProperty(name = "bench.subscribers", defaultValue = "10")
    int subscribers;
    @ConfigProperty(name = "bench.soak-minutes", defaultValue = "30")
    double minutes;
    @ConfigProperty(name = "bench.soak-report-seconds", defaultValue = "30")
    int reportSeconds;
    /** Writer threads, each paced at rate / writers: one thread alone cannot keep 500 commits/s on a busy machine. */
    @ConfigProperty(name = "bench.soak-writers", defaultValue = "4")
    int writers;
    /** Retention and prune interval: the outbox fills for that long before pruning holds it level. */
    @Inject
    network.ohc.care.bus.engine.BusConfig bus;

    /** One report line's figures. */
    record Sample(double minute, long committed, long lag, double heapMb, double p99Ms, long outboxRows, double outboxMb) {
    }

    void run() throws Exception {
        BenchState.recordSeen = false; // a set of every position would itself grow for the whole soak
        List<Sample> samples = new ArrayList<>();
        AtomicLong committed = new AtomicLong();
        long t0 = System.nanoTime();
        long end = t0 + (long) (minutes * 60e9);
        System.out.printf("SOAK %d signals/s, one per transaction, from %d writer threads, %d subscriber(s), %.1f min, a line every %d s%n",
                rate, writers, subscribers, minutes, reportSeconds);
        System.out.printf("SOAK %7s %10s %8s %9s %8s %8s %12s %10s%n", "minute", "committed", "rate/s", "lag", "heap MB", "p99 ms",
                "outbox rows", "outbox MB");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            running.add(pool.submit(() -> {
                long interval = 1_000_000_000L * writers / rate;
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    FacilityUpdated s = signal();
                    QuarkusTransaction.requiringNew().run(() -> emitter.emit(s));
                    if (committed.incrementAndGet() % 10 == 0) {
                        BenchState.COMMITTED_AT.put(s.envelope().signalId(), System.nanoTime()); // latency of one signal in ten
                    }
                    next += interval;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
                return null;
            }));
        }
        long nextReport = t0 + reportSeconds * 1_000_000_000L;
        long lastCommitted = 0;
        long lastReport = t0;
        while (System.nanoTime() < end) {
            long wait = Math.min(nextReport, end) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long now = System.nanoTime();
            if (now >= nextReport) {
                Sample sample = sample((now - t0) / 60e9, committed.get());
                samples.add(sample);
                System.out.printf("SOAK %7.1f %10d %8.0f %9d %8.1f %8.2f %12d %10.1f%n", sample.minute, sample.committed,
                        (sample.committed - lastCommitted) / ((now - lastReport) / 1e9), sample.lag, sample.heapMb, sample.p99Ms,
                        sample.outboxRows, sample.outboxMb);
                lastCommitted = sample.committed;
                lastReport = now;
                nextReport += reportSeconds * 1_000_000_000L;
            }
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (minDelivered() < committed.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Sample last = sample((System.nanoTime() - t0) / 60e9, committed.get());
        System.out.printf("SOAK end: %d committed, %d delivered to each of %d subscribers (lag %d), heap %.1f MB, outbox %d rows %.1f MB%n",
                last.committed, minDelivered(), subscribers, last.lag, last.heapMb, last.outboxRows, last.outboxMb);
        double filled = (bus.retention().toSeconds() + bus.pruneInterval().toSeconds()) / 60.0;
        summary(samples.stream().filter(s -> s.minute > filled).toList(), filled);
    }

    /** Means of the first and second half of the samples taken once the outbox is full: a flat run has them close. */
    private static void summary(List<Sample> samples, double fromMinute) {
        if (samples.size() < 2) {
            System.out.printf("SOAK halves: too short to compare after the outbox filled (minute %.1f)%n", fromMinute);
            return;
        }
        List<Sample> first = samples.subList(0, samples.size() / 2);
        List<Sample> second = samples.subList(samples.size() / 2, samples.size());
        System.out.printf("SOAK halves after minute %.1f (first -> second): heap %.1f -> %.1f MB, lag %.0f -> %.0f, p99 %.2f -> %.2f ms, "
                + "outbox %.0f -> %.0f rows, %.1f -> %.1f MB%n", fromMinute,
                mean(first, Sample::heapMb), mean(second, Sample::heapMb), mean(first, s -> s.lag), mean(second, s -> s.lag),
                mean(first, Sample::p99Ms), mean(second, Sample::p99Ms), mean(first, s -> s.outboxRows), mean(second, s -> s.outboxRows),
                mean(first, Sample::outboxMb), mean(second, Sample::outboxMb));
    }

    private static double mean(List<Sample> list, java.util.function.ToDoubleFunction<Sample> f) {
        return list.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private Sample sample(double minute, long committed) throws Exception {
        List<Long> lat = new ArrayList<>();
        for (Long l; (l = BenchState.LATENCIES.poll()) != null;) {
            lat.add(l);
        }
        lat.sort(Long::compare);
        double p99 = lat.isEmpty() ? Double.NaN : lat.get(Math.min(lat.size() - 1, (int) Math.ceil(0.99 * lat.size()) - 1)) / 1e6;
        long stale = System.nanoTime() - 60_000_000_000L; // delivered to all long ago (or never will be): forget
        BenchState.COMMITTED_AT.values().removeIf(t -> t < stale);
        long rows;
        long bytes;
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*), pg_total_relation_size('core.signal_outbox') FROM core.signal_outbox")) {
            rs.next();
            rows = rs.getLong(1);
            bytes = rs.getLong(2);
        }
        // A handler may count a signal before its writer has counted the commit: a lag below 0 is 0.
        return new Sample(minute, committed, Math.max(0, committed - minDelivered()), heapAfterGcMb(), p99, rows, bytes / 1e6);
    }

    private long minDelivered() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < subscribers; i++) {
            min = Math.min(min, BenchState.DELIVERED[i].get());
        }
        return min;
    }

    /** Heap in use right after the last collection of each pool: what stays, not what awaits collection. */
    private static double heapAfterGcMb() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used / 1e6;
    }

    private static final UUID[] AGGREGATES = new UUID[100];

    static {
        for (int i = 0; i < AGGREGATES.length; i++) {
            AGGREGATES[i] = UUID.randomUUID();
        }
    }

    private FacilityUpdated signal() {
        UUID id = AGGREGATES[(int) (Math.random() * AGGREGATES.length)];
        return new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", id, id), id, "Benchmark District Hospital",
                "HOSPITAL", "Ernakulam", "Kerala", true);
    }
}
