package network.ohc.care.plug.sdk;

import java.time.Duration;
import network.ohc.care.bus.contracts.DomainSignal;

/** What a {@link SignalSubscriber} handles, and how deliveries are retried. */
public interface Subscription {

    /** Where a new subscriber starts: at the first signal ever recorded, or at signals committed from now on. */
    enum Start {
        BEGINNING, NOW
    }

    /** Handle signals of {@code type}; one handler per type. */
    <S extends DomainSignal> Subscription on(Class<S> type, SignalHandler<? super S> handler);

    /** Attempts per signal before it goes to the dead letters (default 5). */
    Subscription maxAttempts(int attempts);

    /** Wait after a failed attempt: {@code initial}, doubling up to {@code max} (default 100 ms, 10 s). */
    Subscription backoff(Duration initial, Duration max);

    /** An attempt that runs longer than this counts as failed (default 30 s). */
    Subscription timeout(Duration perAttempt);

    /** Where a subscriber seen for the first time starts (default {@link Start#BEGINNING}). */
    Subscription startFrom(Start start);
}
