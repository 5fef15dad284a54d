package network.ohc.care.bus.engine;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A bus thread's doorbell: rings coalesce, so a burst of commits wakes the thread once. */
final class Wakeup {
    private final Semaphore permits = new Semaphore(0);

    void ring() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits up to {@code millis} for a ring; true if rung. */
    boolean await(long millis) throws InterruptedException {
        return permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    /** Forgets rings that came while the thread was busy anyway. */
    void clear() {
        permits.drainPermits();
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
