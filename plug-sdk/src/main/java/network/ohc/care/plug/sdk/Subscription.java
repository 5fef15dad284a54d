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

    /**
     * Handle signals of {@code type} with a handler that finishes later (one handler per type, as with {@link #on}).
     * With {@link #maxInFlight} above 1, the next signals are handed over, in commit order, before the earlier ones
     * finish. Whatever finishes first, the subscriber's position passes a signal only once it and every signal before
     * it finished: a crash delivers again what had not, and never skips one. When one fails, it is retried (as with
     * {@link #on}) and the signals after it are delivered again afterwards, even those that had finished: handle by
     * {@link Delivery#signalId()}.
     */
    <S extends DomainSignal> Subscription onAsync(Class<S> type, AsyncSignalHandler<? super S> handler);

    /**
     * How many signals may be handed over and not yet finished (default 1: each waits for the one before it). Only
     * {@link #onAsync} handlers, which return before they finish, make use of more.
     */
    Subscription maxInFlight(int signals);

    /** Attempts per signal before it goes to the dead letters (default 5). */
    Subscription maxAttempts(int attempts);

    /** Wait after a failed attempt: {@code initial}, doubling up to {@code max} (default 100 ms, 10 s). */
    Subscription backoff(Duration initial, Duration max);

    /** An attempt that runs longer than this counts as failed (default 30 s). */
    Subscription timeout(Duration perAttempt);

    /** Where a subscriber seen for the first time starts (default {@link Start#BEGINNING}). */
    Subscription startFrom(Start start);
}
