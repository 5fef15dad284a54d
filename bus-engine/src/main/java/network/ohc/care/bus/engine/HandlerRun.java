package network.ohc.care.bus.engine;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
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
 * oldest of them has finished (a handler's stage completes later, e.g. when a broker acknowledged); they are kept in
 * {@link InFlight}, which may come with signals of earlier runs still open. With {@code handOff} the run ends once it
 * has handed over all of its signals and leaves those still open in flight, so the worker can hand over the next batch
 * meanwhile; without it, the run waits for all of them. Progress is the prefix that has finished ({@link #finished}).
 * Stops at the first failure in that order, and hands nothing over once the lease has run out.
 */
final class HandlerRun implements HandlerWatchdog.Watched {
    /** A signal ready for an attempt ({@code handler} null: not a type this subscriber handles, passed over). */
    record Item(OutboxRow row, SubscriptionSpec.Handler handler, DomainSignal signal, boolean replay) {
    }

    /**
     * The request context around each handler call (Arc's, or a test's own): every signal gets a fresh one, its beans destroyed once the handler
     * returns. Between the signals of a run the context is not left, only replaced ({@link #close()} leaves it after the
     * last): leaving and entering it per signal added and removed the thread's context slot each time, about a tenth of
     * a subscriber thread's work.
     */
    interface Scope {
        /** Before a handler call: a fresh request context. */
        void activate();

        /** After the call: the context's beans are destroyed; it is inactive until the next {@link #activate()}. */
        void terminate();

        /** After the run: the thread leaves the request context. */
        void close();

        static Scope arc() {
            ManagedContext context = Arc.container().requestContext();
            return new Scope() {
                @Override
                public void activate() {
                    context.activate(); // replaces the state the last terminate() destroyed
                }

                @Override
                public void terminate() {
                    context.destroy();
                }

                @Override
                public void close() {
                    context.deactivate(); // made right before its first activate(): always entered by now
                }
            };
        }
    }

    private final String subscriber;
    final List<Item> run;
    private final int attempt;
    private final BusMetrics.Delivered meters;
    private final BooleanSupplier leaseExpired;
    private final int maxInFlight;
    private final InFlight inFlight;
    private final boolean handOff;
    private final long timeoutNanos;
    /** Null until the first hand-over needs it (Arc's then). */
    private Scope scope;
    /** The step the watchdog times: the oldest signal open (or the one being handed over), by its ticket. */
    private volatile int at;
    private volatile Item atItem;
    private volatile long startedAt = System.nanoTime();
    /** The first signal, in order, that failed (or timed out); null if none. */
    volatile Item failed;
    volatile String error;
    volatile int succeeded;
    /** Every signal up to this position has finished: the run's progress (what the worker may save). */
    volatile long finished;
    /** The instance is stopping: the run ended after the signal in hand, {@link #finished} says how far it got. */
    volatile boolean stopped;
    /** The run ended before a signal because the lease had run out; {@link #finished} says how far it got. */
    volatile boolean fenced;
    /** Set when the worker gave up on this run's thread: a handler that returns late must not go on to the next signal. */
    private volatile boolean abandoned;

    HandlerRun(String subscriber, List<Item> run, int attempt, int maxInFlight, InFlight inFlight, boolean handOff, long timeoutNanos,
            BusMetrics.Delivered meters, BooleanSupplier leaseExpired) {
        this.subscriber = subscriber;
        this.maxInFlight = maxInFlight;
        this.inFlight = inFlight;
        this.handOff = handOff;
        this.timeoutNanos = timeoutNanos;
        this.leaseExpired = leaseExpired;
        this.run = run;
        this.attempt = attempt;
        this.meters = meters;
        this.finished = inFlight.finished();
        track();
    }

    /** A run whose hand-overs run in {@code scope} (tests). */
    HandlerRun(String subscriber, List<Item> run, int maxInFlight, InFlight inFlight, boolean handOff, long timeoutNanos,
            BusMetrics.Delivered meters, BooleanSupplier leaseExpired, Scope scope) {
        this(subscriber, run, 1, maxInFlight, inFlight, handOff, timeoutNanos, meters, leaseExpired);
        this.scope = scope;
    }

    /** Nothing to hand over and nothing open: the run only passes over rows (no handler thread needed). */
    boolean empty() {
        return inFlight.isEmpty() && run.stream().allMatch(p -> p.handler() == null);
    }

    @Override
    public int step() {
        return at;
    }

    @Override
    public long stepStartedAt() {
        return startedAt;
    }

    /** The signal of the step in hand (the one the watchdog blames); null before the first. */
    Item stepItem() {
        return atItem;
    }

    @Override
    public void abandon() {
        abandoned = true;
    }

    /** The watchdog's step follows the oldest open signal. */
    private void track() {
        InFlight.Pending oldest = inFlight.oldest();
        if (oldest != null) {
            atItem = oldest.item();
            startedAt = oldest.startedAt();
            at = oldest.ticket();
        }
    }

    @Override
    public void run() {
        int before = succeeded;
        try {
            handOver();
        } finally {
            if (scope != null) {
                scope.close();
            }
            meters.count(succeeded - before);
        }
    }

    private void handOver() {
        int next = 0;
        while (true) {
            // Once abandoned (stopping, or timed out) or fenced, nothing more is handed over; what was may finish.
            boolean more = !abandoned && !fenced && next < run.size();
            if (more && inFlight.size() < maxInFlight) {
                Item p = run.get(next);
                if (p.handler() == null) {
                    next++;
                    inFlight.pass(p.row().seq());
                    finished = inFlight.finished();
                    continue;
                }
                if (leaseExpired.getAsBoolean()) {
                    fenced = true;
                    continue;
                }
                next++;
                long now = System.nanoTime();
                if (inFlight.isEmpty()) {
                    atItem = p;
                    startedAt = now;
                    at = inFlight.nextTicket();
                }
                if (scope == null) {
                    scope = Scope.arc();
                }
                CompletableFuture<?> done;
                scope.activate();
                try {
                    done = p.handler().handler().handle(p.signal(), new Delivery(subscriber, p.row().signalId(), p.row().seq(), attempt,
                            p.replay())).toCompletableFuture();
                } catch (Throwable t) {
                    done = CompletableFuture.failedFuture(t); // reported once those before it finished
                } finally {
                    scope.terminate();
                }
                inFlight.add(p, done, now);
                track();
                continue;
            }
            InFlight.Pending oldest = inFlight.oldest();
            if (oldest == null) {
                return;
            }
            if (!more && handOff && !abandoned && !fenced && !oldest.done().isDone()
                    && System.nanoTime() - oldest.startedAt() < timeoutNanos) {
                return; // the rest stays in flight while the worker reads the next batch; an overdue one is waited for (and timed out)
            }
            try {
                if (abandoned) {
                    oldest.done().get(2, TimeUnit.SECONDS); // an abandoned thread does not wait for ever
                } else {
                    oldest.done().get();
                }
            } catch (Throwable t) {
                if (!abandoned) { // else the worker has said why
                    error = describe(t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t);
                    failed = oldest.item();
                }
                return;
            }
            inFlight.finishOldest();
            succeeded++;
            meters.record(oldest.item().row());
            finished = inFlight.finished();
            track();
        }
    }

    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
