package network.ohc.care.bus.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Per-subscriber metrics: {@code care.bus.delivered}, {@code care.bus.failed} (attempts),
 * {@code care.bus.dead.letters}, {@code care.bus.lag} (signals not yet handled) and
 * {@code care.bus.latency} (commit to handler done, measured from the signal's occurrence).
 */
@ApplicationScoped
public class BusMetrics {
    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    void register(String subscriber, Supplier<Number> lag) {
        Gauge.builder("care.bus.lag", lag).tag("subscriber", subscriber).description("signals not yet handled").register(registry);
    }

    /** A subscriber's delivery meters, looked up once: they are touched for every signal delivered. */
    final class Delivered {
        private final Counter count;
        private final Timer latency;

        private Delivered(String subscriber) {
            count = counter("care.bus.delivered", subscriber);
            latency = Timer.builder("care.bus.latency").tag("subscriber", subscriber)
                    .description("from the signal's occurrence to its handler's completion").register(registry);
        }

        /** A signal's handler finished: its latency (the count is added per run, by {@link #count}). */
        void record(OutboxRow row) {
            latency.record(row.occurredAt().until(Instant.now(), ChronoUnit.NANOS), TimeUnit.NANOSECONDS);
        }

        /** {@code n} signals delivered: one increment per run rather than per signal (a composite counter's is not cheap). */
        void count(int n) {
            if (n > 0) {
                count.increment(n);
            }
        }

        double counted() {
            return count.count();
        }
    }

    Delivered delivered(String subscriber) {
        return new Delivered(subscriber);
    }

    void failed(String subscriber) {
        counter("care.bus.failed", subscriber).increment();
    }

    void deadLettered(String subscriber) {
        counter("care.bus.dead.letters", subscriber).increment();
    }

    private Counter counter(String name, String subscriber) {
        return counters.computeIfAbsent(name + "|" + subscriber, k -> Counter.builder(name).tag("subscriber", subscriber).register(registry));
    }
}
