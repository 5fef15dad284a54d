package network.ohc.care.plug.sdk;

import java.util.concurrent.CompletionStage;
import network.ohc.care.bus.contracts.DomainSignal;

/**
 * Handles one signal and finishes later, for a subscriber whose work completes elsewhere (a broker's
 * acknowledgement, say). The delivery succeeded when the returned stage completes normally; it failed, and is
 * retried, when the stage completes exceptionally, the handler throws, or the stage is not complete within the
 * subscription's timeout. See {@link Subscription#onAsync} and {@link Subscription#maxInFlight}.
 */
@FunctionalInterface
public interface AsyncSignalHandler<S extends DomainSignal> {
    CompletionStage<?> handle(S signal, Delivery delivery) throws Exception;
}
