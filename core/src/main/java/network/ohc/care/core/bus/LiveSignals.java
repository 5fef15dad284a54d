package network.ohc.care.core.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import network.ohc.care.bus.contracts.DomainSignal;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * After a transaction commits, its signals are published on the in-process SmallRye channel
 * {@value #CHANNEL} (broadcast). Consume it with {@code @Incoming("care-signals")} for a live, in-memory
 * view. It is not durable: a crash between commit and publication loses the live copy. Subscribers that must
 * see every signal use {@link network.ohc.care.plug.sdk.SignalSubscriber}, which reads the outbox.
 */
@ApplicationScoped
public class LiveSignals {
    public static final String CHANNEL = "care-signals";
    private static final Logger LOG = Logger.getLogger(LiveSignals.class);

    @Inject
    @Channel(CHANNEL)
    @Broadcast
    @OnOverflow(value = OnOverflow.Strategy.DROP)
    Emitter<DomainSignal> emitter;

    @Inject
    MeterRegistry registry;

    void publish(List<DomainSignal> committed) {
        for (DomainSignal s : committed) {
            try {
                emitter.send(s);
            } catch (RuntimeException e) {
                LOG.debugf("live channel dropped %s: %s", s.envelope().type(), e.getMessage());
            }
        }
    }

    /**
     * Counts committed signals by type ({@code care.signals.committed}). A subscriber rather than a per-item method:
     * the per-item invocation machinery cost the committing request threads a fifth of their time.
     */
    @Incoming(CHANNEL)
    public Flow.Subscriber<DomainSignal> count() {
        return new Flow.Subscriber<>() {
            private final Map<String, Counter> byType = new ConcurrentHashMap<>();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(DomainSignal signal) {
                byType.computeIfAbsent(signal.envelope().type(), t -> registry.counter("care.signals.committed", "type", t)).increment();
            }

            @Override
            public void onError(Throwable failure) {
                LOG.debugf("live channel ended: %s", failure.toString());
            }

            @Override
            public void onComplete() {
            }
        };
    }
}
