package network.ohc.care.bus.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import network.ohc.care.bus.contracts.DomainSignal;

/**
 * What happens once a transaction that wrote signals has committed: count the signals by type, and if the feed did
 * not get them from memory ({@code untracked}), have it read the outbox.
 */
@ApplicationScoped
public class AfterCommit {
    @Inject
    SignalBus bus;
    @Inject
    MeterRegistry registry;

    /** By type; read by the registry when scraped (an increment of a registered counter walks the composite registry). */
    private final Map<String, LongAdder> committed = new ConcurrentHashMap<>();

    public void committed(List<DomainSignal> signals, boolean untracked) {
        if (untracked) {
            bus.wake();
        }
        for (DomainSignal s : signals) {
            LongAdder count = committed.get(s.envelope().type()); // no capturing lambda per signal once registered
            (count != null ? count : counter(s.envelope().type())).increment();
        }
    }

    private LongAdder counter(String type) {
        return committed.computeIfAbsent(type, t -> {
            LongAdder count = new LongAdder();
            FunctionCounter.builder("care.signals.committed", count, LongAdder::sum).tag("type", t)
                    .description("signals committed, by type").register(registry);
            return count;
        });
    }
}
