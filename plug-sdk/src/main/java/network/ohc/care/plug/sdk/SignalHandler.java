package network.ohc.care.plug.sdk;

import network.ohc.care.bus.contracts.DomainSignal;

/** Handles one signal. Throwing (or running past the timeout) makes the delivery fail and be retried. */
@FunctionalInterface
public interface SignalHandler<S extends DomainSignal> {
    void handle(S signal, Delivery delivery) throws Exception;
}
