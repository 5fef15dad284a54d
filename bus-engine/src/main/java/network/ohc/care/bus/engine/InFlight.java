package network.ohc.care.bus.engine;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * A subscriber's signals handed over and not yet finished, in hand-over (commit) order, carried from one batch to the
 * next: a batch is handed over while the acknowledgements of the one before it are still outstanding. It knows two
 * positions: how far signals were handed over ({@link #handedUpTo()}, where the next batch is read from) and how far
 * everything finished ({@link #finished()}: before the oldest open signal; the only position ever saved).
 * <p>
 * Used by one thread at a time: the handler thread during a {@link HandlerRun}, the worker's thread between runs (the
 * watchdog's wait orders the two). After a failure, a time-out or a move of the position, the worker starts a new one:
 * what this one held may still finish, unheard.
 */
final class InFlight {
    /** A signal handed over: {@code after} is the position before it, so the finished prefix ends there while it is open. */
    record Pending(HandlerRun.Item item, long after, CompletableFuture<?> done, long startedAt, int ticket) {
    }

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** Runs when a signal finishes (the worker's doorbell: an idle worker then passes the finished prefix). */
    private final Runnable onFinish;
    private long handedUpTo;
    private int tickets;

    InFlight(long position, Runnable onFinish) {
        this.handedUpTo = position;
        this.onFinish = onFinish;
    }

    long handedUpTo() {
        return handedUpTo;
    }

    /** Every signal up to here has finished (or is none of this subscriber's). */
    long finished() {
        Pending oldest = queue.peek();
        return oldest == null ? handedUpTo : oldest.after();
    }

    /** A row this subscriber does not handle: passed over, in order. */
    void pass(long seq) {
        handedUpTo = seq;
    }

    /** The ticket the next {@link #add} will get (the watchdog's step while the hand-over runs). */
    int nextTicket() {
        return tickets + 1;
    }

    Pending add(HandlerRun.Item item, CompletableFuture<?> done, long startedAt) {
        Pending p = new Pending(item, handedUpTo, done, startedAt, ++tickets);
        handedUpTo = item.row().seq();
        queue.add(p);
        done.whenComplete((ignored, e) -> onFinish.run());
        return p;
    }

    Pending oldest() {
        return queue.peek();
    }

    /** The oldest has finished: drops it. */
    void finishOldest() {
        queue.poll();
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
