package network.ohc.care.bus.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs watched work on the caller's own thread (no hand-over to a handler thread and back per run) and, from a
 * monitor thread that wakes only when a step may be overdue, abandons a caller whose step overran the timeout: the
 * work is told to start no further step, the caller is interrupted, and {@code onTimeout} gets the work (on the monitor
 * thread) to carry on elsewhere, e.g. on a fresh thread. The abandoned caller, whenever its step returns, leaves by
 * {@link Abandoned} and must touch nothing on its way out.
 */
final class CallerWatchdog {
    /** Thrown on an abandoned caller once its work returns: it must let it end its thread. */
    static final class Abandoned extends Error {
        Abandoned() {
            super("abandoned by the watchdog after a step overran its timeout", null, false, false);
        }
    }

    private static final int RUNNING = 0;
    private static final int ENDED = 1;
    private static final int TIMED_OUT = 2;

    /** One {@link #watch} call; its state is decided once, by the caller (ended) or the monitor (timed out). */
    private record Session(HandlerWatchdog.Watched work, Thread caller, AtomicInteger state) {
    }

    private final Duration timeout;
    private final Consumer<HandlerWatchdog.Watched> onTimeout;
    private final Thread monitor;
    private volatile Session session;
    private volatile boolean closed;

    CallerWatchdog(String monitorName, Duration timeout, Consumer<HandlerWatchdog.Watched> onTimeout) {
        this.timeout = timeout;
        this.onTimeout = onTimeout;
        this.monitor = Wakeup.startDaemon(this::monitor, monitorName);
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Runs {@code work} on this thread: FINISHED, CRASHED (it threw), or STOPPED ({@code running} said no, before or
     * after). Throws {@link Abandoned} if the monitor timed a step out meanwhile.
     */
    HandlerWatchdog.Verdict watch(HandlerWatchdog.Watched work, BooleanSupplier running) {
        Session s = new Session(work, Thread.currentThread(), new AtomicInteger(RUNNING));
        session = s;
        // After publishing the session: a stop that did not see it has already cleared running, and is seen here.
        if (!running.getAsBoolean()) {
            end(s);
            return new HandlerWatchdog.Verdict(HandlerWatchdog.Outcome.STOPPED, -1, null);
        }
        Throwable error = null;
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            error = e;
        }
        end(s);
        if (error != null) {
            return new HandlerWatchdog.Verdict(HandlerWatchdog.Outcome.CRASHED, work.step(), error);
        }
        return new HandlerWatchdog.Verdict(running.getAsBoolean() ? HandlerWatchdog.Outcome.FINISHED : HandlerWatchdog.Outcome.STOPPED,
                -1, null);
    }

    private void end(Session s) {
        if (!s.state().compareAndSet(RUNNING, ENDED)) {
            throw new Abandoned();
        }
        session = null;
    }

    /**
     * The instance is stopping ({@code running} already says no): the step in hand may end, no other starts. True if
     * a caller was in a step (let it end before interrupting it); false if none was (interrupt it at once).
     */
    boolean stopping() {
        Session s = session;
        if (s != null && s.state().get() == RUNNING) {
            s.work().abandon();
            return true;
        }
        return false;
    }

    void shutdown() {
        closed = true;
        LockSupport.unpark(monitor);
    }

    private void monitor() {
        long limit = timeout.toNanos();
        while (!closed) {
            Session s = session;
            long sleep = limit; // a step that starts while the monitor sleeps is due no earlier than its wake-up
            if (s != null && s.state().get() == RUNNING) {
                int at = s.work().step();
                long overdue = System.nanoTime() - s.work().stepStartedAt() - limit;
                if (overdue >= 0 && s.work().step() == at) {
                    if (s.state().compareAndSet(RUNNING, TIMED_OUT)) {
                        s.work().abandon();
                        s.caller().interrupt();
                        session = null;
                        onTimeout.accept(s.work());
                    }
                    continue;
                }
                sleep = Math.max(1, -overdue);
            }
            LockSupport.parkNanos(this, sleep);
        }
    }
}
