package network.ohc.care.core.signal;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import network.ohc.care.bus.api.SignalOutbox;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.SignalCatalog;
import network.ohc.care.bus.contracts.SignalIds;
import network.ohc.care.core.common.Actor;
import network.ohc.care.core.common.Clock;

/**
 * Records a domain signal in the transactional outbox, inside the caller's transaction: the signal exists
 * if and only if the change it describes commits. Delivery to subscribers happens after commit.
 */
@ApplicationScoped
public class SignalEmitter {
    @Inject
    SignalOutbox outbox;

    /** A fresh envelope for a signal about {@code aggregateType/aggregateId} in {@code facilityId}. */
    public Envelope envelope(Class<? extends DomainSignal> type, String aggregateType, UUID aggregateId, UUID facilityId) {
        return new Envelope(SignalIds.newId(), SignalCatalog.typeName(type), SignalCatalog.version(type), Clock.now(),
                aggregateType, aggregateId, facilityId, Actor.current(), correlationId());
    }

    public void emit(DomainSignal signal) {
        outbox.append(signal);
    }

    private static String correlationId() {
        var container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            return container.instance(Correlation.class).get().id();
        }
        return null;
    }
}
