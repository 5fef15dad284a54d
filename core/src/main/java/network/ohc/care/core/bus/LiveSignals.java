package network.ohc.care.core.bus;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
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

    /** Counts committed signals by type ({@code care.signals.committed}). */
    @Incoming(CHANNEL)
    public void count(DomainSignal signal) {
        registry.counter("care.signals.committed", "type", signal.envelope().type()).increment();
    }
}
