package network.ohc.care.bus.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Map<String, Counter> committed = new ConcurrentHashMap<>();

    public void committed(List<DomainSignal> signals, boolean untracked) {
        if (untracked) {
            bus.wake();
        }
        for (DomainSignal s : signals) {
            committed.computeIfAbsent(s.envelope().type(), t -> registry.counter("care.signals.committed", "type", t)).increment();
        }
    }
}
