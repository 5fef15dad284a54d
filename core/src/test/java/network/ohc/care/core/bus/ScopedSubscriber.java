package network.ohc.care.core.bus;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** A subscriber using a request-scoped bean, for the test that each signal gets a request context of its own. */
@ApplicationScoped
public class ScopedSubscriber implements SignalSubscriber {
    private static final AtomicInteger NEXT = new AtomicInteger();
    /** Probe instances destroyed so far, by the id each was given. */
    static final Set<Integer> DESTROYED = ConcurrentHashMap.newKeySet();

    /** A request-scoped bean: a new id per instance; counts its own destruction. */
    @RequestScoped
    public static class Probe {
        private int id;
        private int uses;

        int id() {
            if (id == 0) {
                id = NEXT.incrementAndGet();
            }
            uses++;
            return id;
        }

        int uses() {
            return uses;
        }

        @PreDestroy
        void destroyed() {
            if (id != 0) {
                DESTROYED.add(id);
            }
        }
    }

    /** What the handler saw: the probe's id and how often that instance had been used before, by facility. */
    record Seen(int probe, int usesBefore, boolean destroyedBefore) {
    }

    private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();
    private final Set<UUID> watched = ConcurrentHashMap.newKeySet();

    @Inject
    Probe probe;

    Map<UUID, Seen> seen() {
        return seen;
    }

    Set<UUID> watched() {
        return watched;
    }

    @Override
    public String name() {
        return "test-scoped";
    }

    @Override
    public void subscribe(Subscription s) {
        s.on(FacilityUpdated.class, (signal, delivery) -> {
            if (watched.contains(signal.facilityId())) {
                int id = probe.id();
                seen.put(signal.facilityId(), new Seen(id, probe.uses() - 1, DESTROYED.contains(id)));
            }
        });
    }
}
