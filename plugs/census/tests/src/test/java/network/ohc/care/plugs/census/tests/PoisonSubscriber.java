package network.ohc.care.plugs.census.tests;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** Fails at once on the aggregates a test names: an open dead letter to try the discard operation on. */
@ApplicationScoped
public class PoisonSubscriber implements SignalSubscriber {
    public static final String NAME = "test-poison";
    final Set<UUID> poisoned = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void subscribe(Subscription s) {
        s.on(FacilityUpdated.class, (signal, delivery) -> {
            if (poisoned.contains(signal.envelope().aggregateId())) {
                throw new IllegalStateException("poisoned for the access matrix");
            }
        }).maxAttempts(1);
    }

    Set<UUID> poisoned() {
        return poisoned;
    }
}
