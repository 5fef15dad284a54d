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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import network.ohc.care.bench.support.BenchLoad;
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
        double baseline = BenchLoad.baseline(db, json.writeValueAsString(signal()), signals, threads, 1);
        System.out.printf("RESULT baseline_insert_commit_per_s %.0f%n", baseline);

        // Warm-up: the topic is created and the producer connected before anything is timed.
        long warm = publisher.acked() + 100;
        for (int i = 0; i < 100; i++) {
            QuarkusTransaction.requiringNew().run(() -> emitter.emit(signal()));
        }
        waitAcked(warm, 60);

        long before = publisher.acked();
        long t0 = System.nanoTime();
        double committed = BenchLoad.timed(threads, signals, () -> QuarkusTransaction.requiringNew().run(() -> emitter.emit(signal())));
        waitAcked(before + signals, 300);
        System.out.printf("RESULT committed_per_s %.0f%n", committed);
        System.out.printf("RESULT exported_acked_per_s %.0f%n", signals / ((lastAckNanos - t0) / 1e9));

        pacing = true;
        long start = publisher.acked();
        int sent = BenchLoad.paced(rate, latencySeconds, () -> {
            FacilityUpdated s = signal();
            QuarkusTransaction.requiringNew().run(() -> emitter.emit(s));
            COMMITTED_AT.put(s.envelope().signalId().toString(), System.nanoTime());
        });
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
        System.out.printf("RESULT commit_to_ack_p50_ms %.2f%n", BenchLoad.percentileMillis(lat, 0.50));
        System.out.printf("RESULT commit_to_ack_p99_ms %.2f%n", BenchLoad.percentileMillis(lat, 0.99));
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

    private FacilityUpdated signal() {
        return BenchLoad.signal(emitter);
    }
}
