package network.ohc.care.bus.engine;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.plug.sdk.Delivery;

/**
 * Attempt {@code attempt} of each signal of a run, in order, each handed over in its own request context, on the
 * handler thread ({@link HandlerWatchdog} watches it). Up to {@code maxInFlight} signals are handed over before the
 * oldest of them has finished (a handler's stage completes later, e.g. when a broker acknowledged); progress is the
 * run's prefix that has finished. Stops at the first failure in that order, and hands nothing over once the lease has
 * run out.
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
    private final int maxInFlight;
    /** The signal the watchdog times: the oldest handed over and not yet finished (or the one being handed over). */
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

    HandlerRun(String subscriber, List<Item> run, int attempt, int maxInFlight, BusMetrics.Delivered meters,
            BooleanSupplier leaseExpired) {
        this.subscriber = subscriber;
        this.maxInFlight = maxInFlight;
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

    /** A signal handed over and not yet finished. */
    private record Pending(int index, CompletableFuture<?> done, long startedAt) {
    }

    @Override
    public void run() {
        ManagedContext requestContext = Arc.container().requestContext();
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        int next = 0;
        // Once abandoned (stopping, or timed out) or fenced, nothing more is handed over; what was may finish.
        while ((!abandoned && !fenced && next < run.size()) || !pending.isEmpty()) {
            if (!abandoned && !fenced && next < run.size() && pending.size() < maxInFlight) {
                Item p = run.get(next);
                if (p.handler() == null) {
                    next++;
                    if (pending.isEmpty()) {
                        completed = next;
                    }
                    continue;
                }
                if (leaseExpired.getAsBoolean()) {
                    fenced = true;
                    continue;
                }
                int k = next++;
                long now = System.nanoTime();
                if (pending.isEmpty()) {
                    startedAt = now;
                    at = k;
                }
                CompletableFuture<?> done;
                requestContext.activate();
                try {
                    done = p.handler().handler().handle(p.signal(), new Delivery(subscriber, p.row().signalId(), p.row().seq(), attempt,
                            p.replay())).toCompletableFuture();
                } catch (Throwable t) {
                    done = CompletableFuture.failedFuture(t); // reported once those before it finished
                } finally {
                    requestContext.terminate();
                }
                pending.add(new Pending(k, done, now));
                continue;
            }
            Pending oldest = pending.peek();
            try {
                if (abandoned) {
                    oldest.done().get(2, TimeUnit.SECONDS); // an abandoned thread does not wait for ever
                } else {
                    oldest.done().get();
                }
            } catch (Throwable t) {
                if (!abandoned) { // else the worker has said why
                    error = describe(t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t);
                    failedAt = oldest.index();
                }
                return;
            }
            pending.poll();
            succeeded++;
            meters.record(run.get(oldest.index()).row());
            Pending now = pending.peek();
            if (now == null) {
                completed = next;
            } else {
                completed = now.index();
                startedAt = now.startedAt();
                at = now.index();
            }
        }
    }

    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
