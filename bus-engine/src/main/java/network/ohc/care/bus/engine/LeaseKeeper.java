package network.ohc.care.bus.engine;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A subscriber's lease and position in this instance: takes and renews the lease, saves the position with the
 * progress counters (which renews the lease too), and forgets the position as soon as another instance holds the
 * lease, so that nothing more is delivered from here. Driven by the worker's thread; {@link #recheck()},
 * {@link #holds()} and {@link #position} may be used from others.
 */
final class LeaseKeeper {
    /** The lease row is re-read (renewed, and checked for operators' requests) at most this often while held. */
    static final long CHECK_NANOS = 1_000_000_000L;
    /** Progress is saved at most this often: cheap with many subscribers; a crash redelivers at most that much. */
    static final long SAVE_NANOS = 200_000_000L;

    /** The lease row as read now; {@code fresh}: this instance did not hold it (or had lost its position) before. */
    record Held(LeaseStore.Lease lease, boolean fresh) {
    }

    private final LeaseStore store;
    private final String name;
    private final String owner;
    private final int seconds;
    private final LongSupplier nanos;

    /** The last position handed out, for the lag gauge. */
    final AtomicLong position = new AtomicLong();
    private volatile boolean holding;
    /** The last position handed out; -1 while this instance does not hold the lease. */
    private long current = -1;
    private volatile long nextCheck;
    /**
     * When the lease runs out by this process's clock, counted from before the statement that last took or renewed it
     * (so never later than the database's own {@code lease_until}). No handler starts past it: a process frozen
     * (SIGSTOP, a long pause) past its lease delivers nothing more until it holds the lease again (fencing).
     */
    private volatile long expiresAt;

    // Progress not yet saved.
    private long delivered;
    private long failed;
    private String lastError;
    private boolean dirty;
    private long lastSave;

    LeaseKeeper(LeaseStore store, String name, String owner, int seconds, LongSupplier nanos) {
        this.store = store;
        this.name = name;
        this.owner = owner;
        this.seconds = seconds;
        this.nanos = nanos;
        this.lastSave = nanos.getAsLong();
    }

    boolean holds() {
        return holding;
    }

    /** The lease has run out by this process's clock: no handler may start until it is renewed. */
    boolean expired() {
        return nanos.getAsLong() - expiresAt >= 0;
    }

    private void renewedAt(long askedAt) {
        expiresAt = askedAt + seconds * 1_000_000_000L;
    }

    /** Whether signals may be handed out now: the lease is held and the position known. */
    boolean active() {
        return current >= 0;
    }

    long current() {
        return current;
    }

    /** The lease row is to be read before the next batch: not held, not read for a while, or a recheck was asked. */
    boolean checkDue() {
        return !holding || current < 0 || nanos.getAsLong() >= nextCheck;
    }

    /** Re-read the lease row (replay and rewind requests) at the next turn. */
    void recheck() {
        nextCheck = Long.MIN_VALUE;
    }

    /** Takes or renews the lease; empty (and the position forgotten) if another instance holds it. */
    Optional<Held> renew() throws SQLException {
        long asked = nanos.getAsLong();
        Optional<LeaseStore.Lease> lease = store.lease(name, owner, seconds);
        if (lease.isEmpty()) {
            holding = false;
            current = -1;
            return Optional.empty();
        }
        renewedAt(asked);
        nextCheck = nanos.getAsLong() + CHECK_NANOS;
        boolean fresh = !holding || current < 0;
        if (fresh) {
            holding = true;
            moveTo(lease.get().position());
        }
        return Optional.of(new Held(lease.get(), fresh));
    }

    /** Keeps the lease alive during a long retry; what the row says is read at the next {@link #renew()}. */
    void touch() throws SQLException {
        long asked = nanos.getAsLong();
        if (store.lease(name, owner, seconds).isPresent()) {
            renewedAt(asked);
        }
    }

    /** Carries out an operator's rewind (the position is saved); false if the lease was lost meanwhile. */
    boolean rewindTo(long seq) throws SQLException {
        if (!store.applyRewind(name, owner, seq)) {
            return false;
        }
        moveTo(seq);
        return true;
    }

    /** The operator's replay request has been carried out. */
    void replayDone() throws SQLException {
        store.clearReplayRequest(name, owner);
    }

    private void moveTo(long seq) {
        current = seq;
        position.set(seq);
    }

    /** Marks {@code seq} handled; saved at the next {@link #flush()}. */
    void advanceTo(long seq) {
        moveTo(seq);
        dirty = true;
    }

    void delivered(int count) {
        delivered += count;
    }

    void failed(String error) {
        failed++;
        lastError = error;
    }

    boolean dirty() {
        return dirty;
    }

    boolean saveDue() {
        return nanos.getAsLong() - lastSave > SAVE_NANOS;
    }

    /** Saves the position; false (and forgets the position) if the lease went to another instance. */
    boolean flush() throws SQLException {
        if (current < 0) {
            return false;
        }
        long asked = nanos.getAsLong();
        boolean kept = store.savePosition(name, owner, current, delivered, failed, lastError, seconds);
        delivered = 0;
        failed = 0;
        lastError = null;
        dirty = false;
        lastSave = nanos.getAsLong();
        if (kept) {
            renewedAt(asked);
        } else {
            holding = false;
            current = -1;
        }
        return kept;
    }

    /** On a clean stop: what was handled since the last save is saved (not delivered again), and the lease let go. */
    void release() throws SQLException {
        if (holding && dirty) {
            flush();
        }
        if (holding) {
            store.release(name, owner);
        }
    }
}
