package network.ohc.care.bench.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same workload as Care's benchmark on Spring Modulith's JDBC event publication registry: events published
 * in the writing transaction, one publication row per listener, {@code @ApplicationModuleListener} listeners run
 * after commit. Prints "RESULT" lines like Care's benchmark.
 */
@SpringBootApplication
@EnableAsync
public class PeerApp implements CommandLineRunner {
    /** The event: the same fields as Care's FacilityUpdated. */
    public record FacilityUpdated(UUID signalId, UUID facilityId, String name, String kind, String district, String state,
            boolean active) {
    }

    static final AtomicLong DELIVERED = new AtomicLong();
    static final Map<UUID, Long> COMMITTED_AT = new ConcurrentHashMap<>();
    /** A handling in the paced phase: the latency is taken once the phase is over, as in Care's benchmark. */
    record Handled(UUID signal, long at) {
    }

    static final ConcurrentLinkedQueue<Handled> HANDLED = new ConcurrentLinkedQueue<>();
    static volatile boolean recordHandled;
    static volatile long lastDelivery;

    static void handled(FacilityUpdated e) {
        long now = System.nanoTime();
        if (recordHandled) {
            HANDLED.add(new Handled(e.signalId(), now));
        }
        DELIVERED.incrementAndGet();
        lastDelivery = now;
    }

    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    @Value("${bench.signals:20000}")
    int signals;
    @Value("${bench.threads:4}")
    int threads;
    @Value("${bench.subscribers:1}")
    int subscribers;
    @Value("${bench.latency-seconds:10}")
    int latencySeconds;
    @Value("${bench.rate:1000}")
    int rate;
    @Value("${bench.warmup:2000}")
    int warmup;
    @Value("${bench.warmup-rounds:10}")
    int warmupRounds;

    public PeerApp(TransactionTemplate tx, ApplicationEventPublisher events) {
        this.tx = tx;
        this.events = events;
    }

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(PeerApp.class, args)));
    }

    private FacilityUpdated event() {
        return new FacilityUpdated(UUID.randomUUID(), UUID.randomUUID(), "Benchmark District Hospital", "HOSPITAL", "Ernakulam",
                "Kerala", true);
    }

    @Override
    public void run(String... args) throws Exception {
        String label = subscribers + " subscriber" + (subscribers == 1 ? "" : "s");
        // Warm-up, as in Care's benchmark (its JitWarmup): rounds until one leaves the JIT nearly idle, so that the path
        // is not timed while the JIT compiles it.
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        int rounds = 0;
        while (rounds++ < warmupRounds) {
            long compiled = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            DELIVERED.set(0);
            publish(warmup);
            long warmDeadline = System.nanoTime() + 600_000_000_000L;
            while (DELIVERED.get() < (long) warmup * subscribers && System.nanoTime() < warmDeadline) {
                Thread.sleep(5);
            }
            if (jit.getTotalCompilationTime() - compiled <= 0.05 * (System.nanoTime() - t0) / 1e6) {
                break;
            }
        }
        System.out.printf("RESULT modulith_warmup_rounds[%s] %d%n", label, Math.min(rounds, warmupRounds));
        DELIVERED.set(0);
        long started = System.nanoTime();
        publish(signals);
        double committed = signals / ((System.nanoTime() - started) / 1e9);
        long expected = (long) signals * subscribers;
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (DELIVERED.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        double delivered = signals / ((lastDelivery - started) / 1e9);
        System.out.printf("RESULT modulith_committed_per_s[%s] %.0f%n", label, committed);
        System.out.printf("RESULT modulith_delivered_per_s[%s] %.0f%n", label, delivered);

        HANDLED.clear();
        recordHandled = true;
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + latencySeconds * 1_000_000_000L;
        int sent = 0;
        while (System.nanoTime() < end) {
            FacilityUpdated e = event();
            tx.executeWithoutResult(s -> events.publishEvent(e));
            COMMITTED_AT.put(e.signalId(), System.nanoTime());
            sent++;
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        deadline = System.nanoTime() + 120_000_000_000L;
        while (HANDLED.size() < (long) sent * subscribers && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        recordHandled = false;
        List<Long> lat = new ArrayList<>();
        for (Handled h : HANDLED) {
            Long at = COMMITTED_AT.get(h.signal());
            if (at != null) {
                lat.add(Math.max(0, h.at() - at)); // a listener that ran before the writer got back from the commit: 0
            }
        }
        lat.sort(Long::compare);
        System.out.printf("RESULT modulith_paced_rate_per_s[%s] %.0f%n", label, sent / (double) latencySeconds);
        System.out.printf("RESULT modulith_latency_p50_ms[%s] %.2f%n", label, pct(lat, 0.5));
        System.out.printf("RESULT modulith_latency_p99_ms[%s] %.2f%n", label, pct(lat, 0.99));
    }

    /** {@code count} events, one per transaction, from {@code threads} threads. */
    private void publish(int count) throws Exception {
        AtomicLong left = new AtomicLong(count);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            fs.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    tx.executeWithoutResult(s -> events.publishEvent(event()));
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
