package network.ohc.care.bus.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
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
import java.util.concurrent.atomic.LongAdder;
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
    private final Map<String, Delivered> delivered = new ConcurrentHashMap<>();

    void register(String subscriber, Supplier<Number> lag) {
        Gauge.builder("care.bus.lag", lag).tag("subscriber", subscriber).description("signals not yet handled").register(registry);
    }

    /**
     * A subscriber's delivery meters, looked up once: they are touched for every signal delivered. The count is a
     * {@link LongAdder} the registry reads when scraped: an increment of a registered counter walks the composite
     * registry's children every time.
     */
    final class Delivered {
        private final LongAdder count = new LongAdder();
        private final Timer latency;

        private Delivered(String subscriber) {
            FunctionCounter.builder("care.bus.delivered", count, LongAdder::sum).tag("subscriber", subscriber)
                    .description("signals delivered").register(registry);
            latency = Timer.builder("care.bus.latency").tag("subscriber", subscriber)
                    .description("from the signal's occurrence to its handler's completion").register(registry);
        }

        /** A signal's handler finished: its latency (the count is added per run, by {@link #count}). */
        void record(OutboxRow row) {
            latency.record(row.occurredAt().until(Instant.now(), ChronoUnit.NANOS), TimeUnit.NANOSECONDS);
        }

        /** {@code n} signals delivered. */
        void count(int n) {
            if (n > 0) {
                count.add(n);
            }
        }

        double counted() {
            return count.sum();
        }
    }

    /** The subscriber's delivery meters: one per subscriber, however often its worker is made. */
    Delivered delivered(String subscriber) {
        return delivered.computeIfAbsent(subscriber, Delivered::new);
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
