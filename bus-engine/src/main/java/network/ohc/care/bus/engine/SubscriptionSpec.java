package network.ohc.care.bus.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.SignalCatalog;
import network.ohc.care.plug.sdk.AsyncSignalHandler;
import network.ohc.care.plug.sdk.SignalHandler;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** What one subscriber declared in {@link SignalSubscriber#subscribe}: handlers by type and version, and its policy. */
final class SubscriptionSpec implements Subscription {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /** A handler as the worker calls it: its stage completes when the signal is handled (at once for a plain one). */
    record Handler(Class<? extends DomainSignal> type, AsyncSignalHandler<DomainSignal> handler) {
    }

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    final String name;
    final Map<String, Handler> handlers = new LinkedHashMap<>();
    int maxAttempts = 5;
    Duration initialBackoff = Duration.ofMillis(100);
    Duration maxBackoff = Duration.ofSeconds(10);
    Duration timeout = Duration.ofSeconds(30);
    Start start = Start.BEGINNING;
    int maxInFlight = 1;

    private SubscriptionSpec(String name) {
        this.name = name;
    }

    static SubscriptionSpec of(SignalSubscriber subscriber) {
        String name = subscriber.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalStateException("subscriber " + subscriber.getClass().getName() + " has an invalid name '" + name
                    + "': use [a-z0-9][a-z0-9._-]*, at most 100 characters");
        }
        SubscriptionSpec spec = new SubscriptionSpec(name);
        subscriber.subscribe(spec);
        if (spec.handlers.isEmpty()) {
            throw new IllegalStateException("subscriber '" + name + "' subscribes to no signal type");
        }
        return spec;
    }

    /** A subscription whose handlers are set from a {@code care-outbox} channel's attributes (see {@link OutboxConnector}). */
    static SubscriptionSpec named(String name, String key) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalStateException(key + ": '" + name + "' is not a valid subscription name: use [a-z0-9][a-z0-9._-]*, at most 100 characters");
        }
        return new SubscriptionSpec(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends DomainSignal> Subscription on(Class<S> type, SignalHandler<? super S> handler) {
        SignalHandler<DomainSignal> h = (SignalHandler<DomainSignal>) handler;
        return add(type, (signal, delivery) -> {
            h.handle(signal, delivery);
            return DONE;
        });
    }

    /** The worker calls the handler itself; a stage it does not return is a failed attempt, as a nack would be. */
    @Override
    @SuppressWarnings("unchecked")
    public <S extends DomainSignal> Subscription onAsync(Class<S> type, AsyncSignalHandler<? super S> handler) {
        AsyncSignalHandler<DomainSignal> h = (AsyncSignalHandler<DomainSignal>) handler;
        return add(type, (signal, delivery) -> {
            CompletionStage<?> done = h.handle(signal, delivery);
            if (done == null) {
                throw new IllegalStateException("the handler of " + signal.envelope().type() + " returned no completion stage");
            }
            return done;
        });
    }

    private Subscription add(Class<? extends DomainSignal> type, AsyncSignalHandler<DomainSignal> handler) {
        String typeName = SignalCatalog.key(type);
        if (handlers.putIfAbsent(typeName, new Handler(type, handler)) != null) {
            throw new IllegalStateException("subscriber '" + name + "' declares two handlers for " + typeName);
        }
        return this;
    }

    @Override
    public Subscription maxInFlight(int signals) {
        if (signals < 1) {
            throw new IllegalArgumentException("maxInFlight must be 1 or more");
        }
        this.maxInFlight = signals;
        return this;
    }

    @Override
    public Subscription maxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more");
        }
        this.maxAttempts = attempts;
        return this;
    }

    @Override
    public Subscription backoff(Duration initial, Duration max) {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff: 0 <= initial <= max");
        }
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    @Override
    public Subscription timeout(Duration perAttempt) {
        if (perAttempt.isZero() || perAttempt.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeout = perAttempt;
        return this;
    }

    @Override
    public Subscription startFrom(Start start) {
        this.start = start;
        return this;
    }

    Duration backoffBefore(int nextAttempt) {
        long millis = initialBackoff.toMillis() << Math.min(20, Math.max(0, nextAttempt - 2));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
