package network.ohc.care.core.bus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.signal.SignalEmitter;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's handler runs in a request context of its own for each signal, even when the signals come in one run:
 * a request-scoped bean is a new instance per signal, and each is destroyed once its signal was handled.
 */
@QuarkusTest
class RequestScopePerSignalTest {
    @Inject
    SignalEmitter emitter;
    @Inject
    ScopedSubscriber subscriber;

    @Test
    void eachSignalGetsFreshRequestScopedBeansDestroyedAfterIt() {
        List<UUID> facilities = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            facilities.add(UUID.randomUUID());
        }
        subscriber.watched().addAll(facilities);
        // One transaction: the twenty signals reach the subscriber together, in one run.
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID f : facilities) {
                emitter.emit(new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", f, f), f, "Scoped", "CLINIC", null,
                        null, true));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> subscriber.seen().keySet().containsAll(facilities));
        Set<Integer> probes = new HashSet<>();
        for (UUID f : facilities) {
            ScopedSubscriber.Seen seen = subscriber.seen().get(f);
            assertEquals(0, seen.usesBefore(), "a fresh instance for each signal");
            assertFalse(seen.destroyedBefore());
            probes.add(seen.probe());
        }
        assertEquals(facilities.size(), probes.size(), "no instance shared between signals");
        await().atMost(Duration.ofSeconds(5)).until(() -> ScopedSubscriber.DESTROYED.containsAll(probes));
        assertTrue(ScopedSubscriber.DESTROYED.containsAll(probes), "each signal's instance destroyed after it");
    }
}
