package network.ohc.care.plugs.kafkaexport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.SignalCatalog;
import network.ohc.care.bus.contracts.cloudevents.CloudEvents;
import network.ohc.care.bus.contracts.cloudevents.KafkaBinding;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Subscribes to the chosen signal types, core's and those of the plugs in the build (found through their contract jars,
 * {@link SignalCatalog#onClassPath}), and publishes each one, pipelined: up to {@value #MAX_IN_FLIGHT} records are
 * on their way to the broker at once, handed over in commit order, and the bus advances the plug's position only past
 * signals the broker acknowledged, every one before them included. A broker outage makes the oldest wait fail; the bus
 * retries it (with backoff, without ever giving up) until the broker is back: the export pauses, nothing is skipped,
 * and the lag shows in /api/v1/bus/subscriptions. After a failure the signals that followed it are handed over again;
 * those the broker acknowledged lately are not sent twice (others may be: duplicates, which consumers drop by ce_id).
 */
@ApplicationScoped
public class KafkaExportSubscriber implements SignalSubscriber {
    public static final String NAME = "kafka-export";
    /** Below the channel's emitter buffer (1024), so a hand-over never overflows it; a bus run is at most 500 signals. */
    static final int MAX_IN_FLIGHT = 512;

    @Inject
    KafkaExportConfig config;
    @Inject
    KafkaPublisher publisher;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "care.cloudevents.source", defaultValue = CloudEvents.DEFAULT_SOURCE)
    String source;

    /** The signal types there are: core's, and a plug's own when its contract jar is in the build. */
    private final SignalCatalog catalog = Rules.catalog();

    void check(@Observes StartupEvent event) {
        List<String> problems = Rules.check(config.bootstrapServers(), config.types(), Rules.typeNames(catalog), config.startFrom(),
                config.securityProtocol(), config.sasl().mechanism().orElse(null), config.sasl().password().isPresent());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("plug " + Plug.NAME + ": " + String.join("; ", problems));
        }
        config.topics(); // refuses an illegal topic name
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void subscribe(Subscription s) {
        for (Class<? extends DomainSignal> type : catalog.all()) {
            if (Rules.wants(config.types(), SignalCatalog.typeName(type))) {
                s.onAsync((Class) type, (signal, delivery) -> export((DomainSignal) signal, (Delivery) delivery));
            }
        }
        Duration wait = config.ackTimeout();
        s.maxInFlight(MAX_IN_FLIGHT)
                .maxAttempts(Integer.MAX_VALUE) // an outage pauses the export; it never drops a signal to the dead letters
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .timeout(wait.plusSeconds(5))
                .startFrom("beginning".equalsIgnoreCase(config.startFrom()) ? Subscription.Start.BEGINNING : Subscription.Start.NOW);
    }

    CompletionStage<Void> export(DomainSignal signal, Delivery delivery) throws Exception {
        return publisher.send(delivery.signalId().toString(), record(signal), config.ackTimeout(), delivery.replay());
    }

    KafkaPublisher.Out record(DomainSignal signal) throws Exception {
        Envelope e = signal.envelope();
        return new KafkaPublisher.Out(config.topics().topicFor(e.type(), e.schemaVersion()), KafkaBinding.key(e),
                json.writeValueAsString(signal), KafkaBinding.headers(CloudEvents.attributes(e, source)));
    }
}
