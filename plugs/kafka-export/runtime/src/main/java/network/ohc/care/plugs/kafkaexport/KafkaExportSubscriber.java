package network.ohc.care.plugs.kafkaexport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
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
 * Subscribes to the chosen signal types and publishes each one; the bus advances the plug's position only when the
 * handler returns, that is after the broker acknowledged. A broker outage makes the handler fail, and the bus retries
 * the same signal (with backoff, without ever giving up) until the broker is back: the export pauses, nothing is
 * skipped, and the lag shows in /api/v1/bus/subscriptions.
 */
@ApplicationScoped
public class KafkaExportSubscriber implements SignalSubscriber {
    public static final String NAME = "kafka-export";

    @Inject
    KafkaExportConfig config;
    @Inject
    KafkaPublisher publisher;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "care.cloudevents.source", defaultValue = CloudEvents.DEFAULT_SOURCE)
    String source;

    void check(@Observes StartupEvent event) {
        List<String> problems = Rules.check(config.bootstrapServers(), config.types(), config.startFrom(), config.securityProtocol(),
                config.sasl().mechanism().orElse(null), config.sasl().password().isPresent());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("plug kafka-export: " + String.join("; ", problems));
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
        for (Class<? extends DomainSignal> type : SignalCatalog.coreSignals()) {
            if (Rules.wants(config.types(), SignalCatalog.typeName(type))) {
                s.on((Class) type, (signal, delivery) -> export((DomainSignal) signal, (Delivery) delivery));
            }
        }
        Duration wait = config.ackTimeout();
        s.maxAttempts(Integer.MAX_VALUE) // an outage pauses the export; it never drops a signal to the dead letters
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .timeout(wait.plusSeconds(5))
                .startFrom("beginning".equalsIgnoreCase(config.startFrom()) ? Subscription.Start.BEGINNING : Subscription.Start.NOW);
    }

    void export(DomainSignal signal, Delivery delivery) throws Exception {
        publisher.send(record(signal), config.ackTimeout());
    }

    KafkaPublisher.Out record(DomainSignal signal) throws Exception {
        Envelope e = signal.envelope();
        return new KafkaPublisher.Out(config.topics().topicFor(e.type(), e.schemaVersion()), KafkaBinding.key(e),
                json.writeValueAsString(signal), KafkaBinding.headers(CloudEvents.attributes(e, source)));
    }
}
