package network.ohc.care.bench.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.signal.SignalEmitter;
import network.ohc.care.plugs.kafkaexport.KafkaPublisher;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * kafka-export in one process against a real broker: (1) the baseline, plain INSERT + COMMIT of the same JSON;
 * (2) export throughput, signals committed through the outbox until the broker acknowledged the last one;
 * (3) commit-to-broker-ack latency at a paced rate (1,000 signals/s). Prints "RESULT" lines.
 */
@ApplicationScoped
public class KafkaBench {
    @Inject
    SignalEmitter emitter;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;
    @Inject
    KafkaPublisher publisher;

    @ConfigProperty(name = "bench.signals", defaultValue = "20000")
    int signals;
    @ConfigProperty(name = "bench.threads", defaultValue = "8")
    int threads;
    @ConfigProperty(name = "bench.latency-seconds", defaultValue = "10")
    int latencySeconds;
    @ConfigProperty(name = "bench.rate", defaultValue = "1000")
    int rate;

    /** Signal id -> System.nanoTime() right after its commit, and right after the broker's acknowledgement. */
    static final Map<String, Long> COMMITTED_AT = new ConcurrentHashMap<>();
    static final Map<String, Long> ACKED_AT = new ConcurrentHashMap<>();
    static volatile boolean pacing;
    static volatile long lastAckNanos;

    void acked(@Observes KafkaPublisher.Acked a) {
        long now = System.nanoTime();
        lastAckNanos = now;
        if (pacing) {
            ACKED_AT.put(a.record().headers().get("ce_id"), now);
        }
    }

    void start(@Observes @Priority(1000) StartupEvent event) {
        Thread t = new Thread(() -> {
            int code = 0;
            try {
                run();
            } catch (Exception e) {
                e.printStackTrace();
                code = 1;
            }
            Quarkus.asyncExit(code);
        }, "bench");
        t.start();
    }

    void run() throws Exception {
        String payload = json.writeValueAsString(signal());
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS public.bench_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)");
            st.execute("TRUNCATE public.bench_baseline");
        }
        double baseline = timed(signals, () -> {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO public.bench_baseline (payload) VALUES (cast(? AS jsonb))")) {
                c.setAutoCommit(false);
                ps.setString(1, payload);
                ps.executeUpdate();
                c.commit();
            }
        });
        System.out.printf("RESULT baseline_insert_commit_per_s %.0f%n", baseline);

        // Warm-up: the topic is created and the producer connected before anything is timed.
        long warm = publisher.acked() + 100;
        for (int i = 0; i < 100; i++) {
            QuarkusTransaction.requiringNew().run(() -> emitter.emit(signal()));
        }
        waitAcked(warm, 60);

        long before = publisher.acked();
        long t0 = System.nanoTime();
        double committed = timed(signals, () -> QuarkusTransaction.requiringNew().run(() -> emitter.emit(signal())));
        waitAcked(before + signals, 300);
        System.out.printf("RESULT committed_per_s %.0f%n", committed);
        System.out.printf("RESULT exported_acked_per_s %.0f%n", signals / ((lastAckNanos - t0) / 1e9));

        pacing = true;
        long start = publisher.acked();
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + latencySeconds * 1_000_000_000L;
        int sent = 0;
        while (System.nanoTime() < end) {
            FacilityUpdated s = signal();
            QuarkusTransaction.requiringNew().run(() -> emitter.emit(s));
            COMMITTED_AT.put(s.envelope().signalId().toString(), System.nanoTime());
            sent++;
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        waitAcked(start + sent, 300);
        List<Long> lat = new ArrayList<>();
        COMMITTED_AT.forEach((id, committedAt) -> {
            Long ackedAt = ACKED_AT.get(id);
            if (ackedAt != null) {
                lat.add(Math.max(0, ackedAt - committedAt));
            }
        });
        lat.sort(Long::compare);
        System.out.printf("RESULT paced_rate_per_s %.0f%n", sent / (double) latencySeconds);
        System.out.printf("RESULT latency_samples %d%n", lat.size());
        System.out.printf("RESULT commit_to_ack_p50_ms %.2f%n", pct(lat, 0.50));
        System.out.printf("RESULT commit_to_ack_p99_ms %.2f%n", pct(lat, 0.99));
    }

    private void waitAcked(long count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (publisher.acked() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + publisher.acked() + " of " + count + " acknowledged");
            }
            Thread.sleep(2);
        }
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    interface Op {
        void run() throws Exception;
    }

    private double timed(int total, Op op) throws Exception {
        AtomicLong left = new AtomicLong(total);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            fs.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    op.run();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - t0) / 1e9);
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
