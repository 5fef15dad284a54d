package network.ohc.care.bus.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A bus thread's doorbell, for the one thread that waits on it: rings coalesce, so a burst of commits wakes the thread
 * once, and a ring while the thread is busy costs one atomic read (no lock, no queue node, no wake-up).
 */
final class Wakeup {
    private static final int QUIET = 0;
    private static final int RUNG = 1;
    private static final int WAITING = 2;

    private final AtomicInteger state = new AtomicInteger(QUIET);
    private volatile Thread waiter;

    void ring() {
        if (state.get() != RUNG && state.getAndSet(RUNG) == WAITING) {
            LockSupport.unpark(waiter);
        }
    }

    /** Waits up to {@code millis} for a ring; true if rung (the ring is used up). */
    boolean await(long millis) throws InterruptedException {
        waiter = Thread.currentThread();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            if (state.compareAndSet(RUNG, QUIET)) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (state.compareAndSet(QUIET, WAITING)) {
                LockSupport.parkNanos(this, left);
                state.compareAndSet(WAITING, QUIET); // a ring meanwhile left RUNG, seen at the top
            }
        }
    }

    /** Forgets rings that came while the thread was busy anyway. */
    void clear() {
        state.compareAndSet(RUNG, QUIET);
    }

    static Thread startDaemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Interrupts {@code t} and waits up to five seconds for it to end. */
    static void stop(Thread t) {
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
