package network.ohc.care.bus.engine;

import java.util.function.LongSupplier;

/**
 * When a subscriber's worker, having handled a batch, waits a little for more signals ("lingers") instead of being
 * woken by the next commit. Each wake-up costs the worker a park and an unpark (about 8 us of kernel time measured on a
 * busy 2-core machine, and the unpark is paid by the committing thread): at saturation, with many subscribers, a worker
 * woken per commit or per small batch spends more on wake-ups than on its handlers. So, only while signals come faster
 * than {@link #ENTER_RATE} per second (measured between the worker's reads: a stall that lets rows pile up does not
 * count), and at least {@link #MIN_ROWS} at a time, the worker lingers up to {@code lingerMillis} after a batch, and
 * commits do not wake it before the safe head is {@link #EARLY_ROWS} past what it handed out. It stops lingering once
 * the rate falls under {@link #STAY_RATE}. At moderate rates (1,000/s) it never lingers, so a commit still wakes it at
 * once. A stop interrupts a linger like any wait; a recheck or a finished in-flight signal rings the {@link Wakeup}
 * directly and ends it.
 */
final class Pacing {
    /** Fewer rows than this at a time never start a linger, whatever the rate. */
    static final int MIN_ROWS = 4;
    /** A lingering worker is woken by commits once this many rows more are there (else when the linger ends). */
    static final int EARLY_ROWS = 64;
    static final long ENTER_RATE = 2_000;
    static final long STAY_RATE = 1_500;
    private static final long ENTER_NANOS_PER_ROW = 1_000_000_000L / ENTER_RATE;
    private static final long STAY_NANOS_PER_ROW = 1_000_000_000L / STAY_RATE;

    private final Wakeup wakeup;
    private final long lingerMillis;
    /** Commits ring the worker only once the safe head reaches this (no linger: always). */
    private volatile long ringFrom = Long.MIN_VALUE;
    // The worker's thread only.
    private long lastRead;
    private boolean readBefore;
    private boolean lingering;

    /** {@code lingerMillis}: {@code care.bus.subscriber-linger}; 0 never lingers. */
    Pacing(Wakeup wakeup, long lingerMillis) {
        this.wakeup = wakeup;
        this.lingerMillis = lingerMillis;
    }

    /** On a committing thread: the safe head moved to {@code safeHead}; rings the worker unless it lingers short of it. */
    void advanced(long safeHead) {
        if (safeHead >= ringFrom) {
            wakeup.ring();
        }
    }

    /**
     * The worker read {@code rows} (non-empty) at {@code now} (System.nanoTime()); {@code full}: as many as it asked
     * for (it reads on at once). Whether it should {@link #linger} once it has handled them.
     */
    boolean read(int rows, boolean full, long now) {
        long since = now - lastRead;
        boolean first = !readBefore;
        readBefore = true;
        lastRead = now;
        if (first || full || rows < MIN_ROWS || lingerMillis <= 0) {
            lingering = false;
            return false;
        }
        lingering = since <= rows * (lingering ? STAY_NANOS_PER_ROW : ENTER_NANOS_PER_ROW);
        return lingering;
    }

    /** Commits ring the worker only once the safe head reaches {@code until}. */
    void holdRings(long until) {
        ringFrom = until;
    }

    /** Where commits start ringing the worker again (Long.MIN_VALUE: every commit rings it). */
    long ringsFrom() {
        return ringFrom;
    }

    /**
     * Waits up to the linger time for the safe head to be {@link #EARLY_ROWS} past {@code handedUpTo} (commits short
     * of that do not wake the worker); false if it ended by the time limit. Throws if interrupted (a stop).
     */
    boolean linger(long handedUpTo, LongSupplier safeHead) throws InterruptedException {
        long until = handedUpTo + EARLY_ROWS;
        wakeup.clear(); // rings for what was just read
        holdRings(until);
        try {
            if (safeHead.getAsLong() >= until) {
                return true;
            }
            if (wakeup.await(lingerMillis)) {
                wakeup.clear();
                return true;
            }
            return false;
        } finally {
            ringFrom = Long.MIN_VALUE;
        }
    }
}
