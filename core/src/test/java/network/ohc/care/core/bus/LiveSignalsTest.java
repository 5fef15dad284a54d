package network.ohc.care.core.bus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.core.TestApi;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;

/** The live SmallRye channel carries each committed signal, and the committed-signal counter counts it by type. */
@QuarkusTest
class LiveSignalsTest {
    @ApplicationScoped
    public static class LiveListener {
        private final List<DomainSignal> seen = new CopyOnWriteArrayList<>();

        @Incoming(LiveSignals.CHANNEL)
        public void on(DomainSignal signal) {
            seen.add(signal);
        }

        List<DomainSignal> seen() {
            return seen;
        }
    }

    @Inject
    LiveListener listener;

    static double committedFacilities() {
        String metrics = TestApi.metrics();
        return metrics.lines().filter(l -> l.startsWith("care_signals_committed_total{") && l.contains("type=\"care.facility.created\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aCommittedChangeIsOnTheLiveChannelAndCounted() {
        double before = committedFacilities();
        String id = TestApi.facility();
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen().stream()
                .anyMatch(s -> s instanceof FacilityCreated f && f.envelope().aggregateId().toString().equals(id)));
        assertTrue(committedFacilities() >= before + 1, "care.signals.committed counts it");
    }
}
