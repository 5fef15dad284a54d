package network.ohc.care.bus.engine;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs a subscriber's handlers on a thread of their own and watches each step (one handler call): one that overruns
 * the timeout has its thread abandoned, and the next run gets a fresh thread. A hung handler costs a thread, never
 * the subscription.
 */
final class HandlerWatchdog {
    /** Work done in steps, each of which must end within the timeout. */
    interface Watched extends Runnable {
        /** The step in hand. */
        int step();

        /** {@link System#nanoTime()} when the step in hand began. */
        long stepStartedAt();

        /** No further step may start (a late handler must not go on to the next signal). */
        void abandon();
    }

    enum Outcome {
        /** The work ran to its end (it records its own failures). */
        FINISHED,
        /** The work threw. */
        CRASHED,
        /** A step overran the timeout; its thread was abandoned. */
        TIMED_OUT,
        /** The instance is stopping: the step in hand was let finish (for a moment), no further one started. */
        STOPPED
    }

    record Verdict(Outcome outcome, int step, Throwable error) {
    }

    private final String threadName;
    private final Duration timeout;
    private ExecutorService thread;

    HandlerWatchdog(String threadName, Duration timeout) {
        this.threadName = threadName;
        this.timeout = timeout;
        this.thread = newThread();
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Runs {@code work} and waits for it. Interrupted while {@code running} says yes, it throws; otherwise an
     * interrupt means the instance is stopping.
     */
    Verdict watch(Watched work, BooleanSupplier running) throws InterruptedException {
        Future<?> call = thread.submit(work);
        long limit = timeout.toNanos();
        while (true) {
            int at = work.step();
            long left = limit - (System.nanoTime() - work.stepStartedAt());
            try {
                call.get(Math.max(1, left), TimeUnit.NANOSECONDS);
                return new Verdict(Outcome.FINISHED, -1, null);
            } catch (ExecutionException e) {
                return new Verdict(Outcome.CRASHED, work.step(), e.getCause() == null ? e : e.getCause());
            } catch (InterruptedException e) {
                if (running.getAsBoolean()) {
                    throw e;
                }
                work.abandon();
                try {
                    call.get(2, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException | CancellationException ignored) {
                    // the work's progress is what it is
                }
                return new Verdict(Outcome.STOPPED, -1, null);
            } catch (TimeoutException e) {
                if (work.step() == at && System.nanoTime() - work.stepStartedAt() >= limit) {
                    work.abandon();
                    call.cancel(true);
                    thread.shutdownNow();
                    thread = newThread();
                    return new Verdict(Outcome.TIMED_OUT, at, null);
                }
                // the work moved on to a later step: that step gets its own time
            }
        }
    }

    void shutdown() {
        thread.shutdownNow();
    }

    private ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }
}
