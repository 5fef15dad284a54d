package network.ohc.care.core.bus;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.core.TestApi;
import network.ohc.care.plug.sdk.Delivery;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * {@code @Incoming} on {@code care-outbox} channels: typed payloads with their delivery as metadata, an exception retried
 * and then dead-lettered with later signals of the aggregate parked, manual acks, and the committed-signal counter.
 */
@QuarkusTest
class OutboxConnectorTest {

    public record Seen(DomainSignal signal, Delivery delivery) {
    }

    @ApplicationScoped
    public static class Consumers {
        private final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final Set<UUID> failOn = ConcurrentHashMap.newKeySet();
        private final List<Message<FacilityCreated>> messages = new CopyOnWriteArrayList<>();

        @Incoming("test-outbox")
        public void on(DomainSignal signal, Delivery delivery) {
            if (failOn.contains(signal.envelope().aggregateId())) {
                throw new IllegalStateException("poisoned " + signal.envelope().aggregateId());
            }
            seen.add(new Seen(signal, delivery));
        }

        @Incoming("test-outbox-messages")
        @Blocking
        public CompletionStage<Void> onMessage(Message<FacilityCreated> message) {
            messages.add(message);
            return message.ack();
        }

        List<Seen> seen() {
            return seen;
        }

        Set<UUID> failOn() {
            return failOn;
        }

        List<Message<FacilityCreated>> messages() {
            return messages;
        }
    }

    @Inject
    Consumers consumers;

    private List<Seen> of(UUID facility) {
        return consumers.seen().stream().filter(s -> s.signal().envelope().aggregateId().equals(facility)).toList();
    }

    @Test
    void aChannelReceivesTypedSignalsWithTheirDelivery() {
        UUID f = UUID.fromString(TestApi.facility());
        as(admin()).body(Map.of("district", "One")).patch("/api/v1/facilities/" + f).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> of(f).size() == 2);
        List<Seen> mine = of(f);
        assertTrue(mine.get(0).signal() instanceof FacilityCreated, mine.toString());
        assertEquals("care.facility.updated", mine.get(1).signal().envelope().type());
        assertEquals("test-outbox", mine.get(0).delivery().subscriber());
        assertEquals(mine.get(0).signal().envelope().signalId(), mine.get(0).delivery().signalId());
        assertEquals(1, mine.get(0).delivery().attempt());
        assertFalse(mine.get(0).delivery().replay());
        assertTrue(mine.get(0).delivery().position() < mine.get(1).delivery().position(), "commit order");

        await().atMost(Duration.ofSeconds(20)).until(() -> consumers.messages().stream()
                .anyMatch(m -> m.getPayload().envelope().aggregateId().equals(f)));
        Message<FacilityCreated> message = consumers.messages().stream().filter(m -> m.getPayload().envelope().aggregateId().equals(f))
                .findFirst().orElseThrow();
        assertEquals("test-outbox-messages", message.getMetadata(Delivery.class).orElseThrow().subscriber());
        assertEquals(f, message.getMetadata(Envelope.class).orElseThrow().aggregateId());
    }

    @Test
    void anExceptionRetriesThenDeadLettersAndParksTheAggregate() {
        UUID f = UUID.fromString(TestApi.facility());
        await().atMost(Duration.ofSeconds(20)).until(() -> of(f).size() == 1);
        consumers.failOn().add(f);
        as(admin()).body(Map.of("district", "One")).patch("/api/v1/facilities/" + f).then().statusCode(200);
        as(admin()).body(Map.of("district", "Two")).patch("/api/v1/facilities/" + f).then().statusCode(200);
        UUID other = UUID.fromString(TestApi.facility());
        await().atMost(Duration.ofSeconds(20)).until(() -> of(other).size() == 1); // not held up by f

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var letters = as(admin()).get("/api/v1/bus/subscriptions/test-outbox/dead-letters").then().statusCode(200).extract()
                    .jsonPath();
            List<Map<String, Object>> mine = letters.<Map<String, Object>>getList("").stream()
                    .filter(m -> f.toString().equals(m.get("aggregateId"))).toList();
            assertEquals(2, mine.size(), letters.prettify());
            assertEquals(2, mine.get(0).get("attempts"));
            assertTrue(String.valueOf(mine.get(0).get("error")).contains("poisoned"), mine.toString());
            assertEquals(true, mine.get(1).get("parked"));
        });

        consumers.failOn().remove(f);
        as(admin()).body(Map.of("deadLetters", true)).post("/api/v1/bus/subscriptions/test-outbox/replay").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> of(f).size() == 3);
        assertTrue(of(f).stream().skip(1).allMatch(s -> s.delivery().replay()));
        assertEquals(List.of("care.facility.created", "care.facility.updated", "care.facility.updated"),
                of(f).stream().map(s -> s.signal().envelope().type()).toList());
    }

    @Test
    void committedSignalsAreCountedByType() {
        double before = committedFacilities();
        TestApi.facility();
        await().atMost(Duration.ofSeconds(10)).until(() -> committedFacilities() >= before + 1);
    }

    static double committedFacilities() {
        String metrics = TestApi.metrics();
        return metrics.lines().filter(l -> l.startsWith("care_signals_committed_total{") && l.contains("type=\"care.facility.created\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
