package network.ohc.care.bus.engine;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.List;
import java.util.function.BooleanSupplier;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plug.sdk.Delivery;

/**
 * Attempt {@code attempt} of each signal of a run, in order, each in its own request context, on the handler thread
 * ({@link HandlerWatchdog} watches it). Stops at the first failure.
 */
final class HandlerRun implements HandlerWatchdog.Watched {
    /** A signal ready for an attempt ({@code handler} null: not a type this subscriber handles, passed over). */
    record Item(OutboxRow row, SubscriptionSpec.Handler handler, DomainSignal signal, boolean replay) {
    }

    private final String subscriber;
    final List<Item> run;
    private final int attempt;
    private final BusMetrics.Delivered meters;
    private final BooleanSupplier leaseExpired;
    private volatile int at;
    private volatile long startedAt = System.nanoTime();
    volatile int failedAt = -1;
    volatile String error;
    volatile int succeeded;
    /** Signals of the run done with (handled, or none of this subscriber's types): the run's progress. */
    volatile int completed;
    /** The instance is stopping: the run ended after the signal in hand, {@link #completed} says how far it got. */
    volatile boolean stopped;
    /** The run ended before a signal because the lease had run out; {@link #completed} says how far it got. */
    volatile boolean fenced;
    /** Set when the worker gave up on this run's thread: a handler that returns late must not go on to the next signal. */
    private volatile boolean abandoned;

    HandlerRun(String subscriber, List<Item> run, int attempt, BusMetrics.Delivered meters, BooleanSupplier leaseExpired) {
        this.subscriber = subscriber;
        this.leaseExpired = leaseExpired;
        this.run = run;
        this.attempt = attempt;
        this.meters = meters;
    }

    /** Nothing in the run for this subscriber. */
    boolean empty() {
        return run.stream().allMatch(p -> p.handler() == null);
    }

    @Override
    public int step() {
        return at;
    }

    @Override
    public long stepStartedAt() {
        return startedAt;
    }

    @Override
    public void abandon() {
        abandoned = true;
    }

    @Override
    public void run() {
        ManagedContext requestContext = Arc.container().requestContext();
        for (int k = 0; k < run.size(); k++) {
            Item p = run.get(k);
            if (abandoned) {
                return;
            }
            if (p.handler() == null) {
                completed = k + 1;
                continue;
            }
            if (leaseExpired.getAsBoolean()) {
                fenced = true;
                return;
            }
            startedAt = System.nanoTime();
            at = k;
            requestContext.activate();
            try {
                p.handler().handler().handle(p.signal(), new Delivery(subscriber, p.row().signalId(), p.row().seq(), attempt, p.replay()));
            } catch (Throwable t) {
                error = describe(t);
                failedAt = k;
                return;
            } finally {
                requestContext.terminate();
            }
            succeeded++;
            completed = k + 1;
            meters.record(p.row());
        }
    }

    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
