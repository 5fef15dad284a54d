package network.ohc.care.bus.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.ohc.care.bus.contracts.DomainSignal;

/**
 * What this process knows of the outbox positions its own writer drew, so that a committed signal reaches the
 * subscribers from memory right after its commit instead of being read back from the outbox.
 * <p>
 * A position is tracked from the moment its insert returned it ({@link #drawn}) until the feed has passed it. Its
 * transaction then either commits ({@link #committed}: the row, as written, is kept for the hand-off) or ends
 * otherwise ({@link #notCommitted}: a rollback, or a commit whose outcome the client could not learn). Only a
 * contiguous run of committed positions right after the feed's position is handed out ({@link #take}); anything else
 * there — a position in flight, one this process never drew (another instance, a plug's SQL function, psql, an insert
 * whose result is not back yet), or one whose outcome is not certain — stops the run, and only the outbox (read with
 * {@link OutboxCursor}'s hole rule) can settle a position that is not simply in flight. So delivery never depends on
 * this class being complete: it only lets the feed skip the database when it knows every position in between.
 * <p>
 * Not thread-safe: {@link OutboxFeed} guards it with its own lock.
 */
final class LocalHandoff {
    /** A signal this process wrote: its outbox row as written (no snapshot bounds), and the signal itself, decoded. */
    record Written(OutboxRow row, DomainSignal signal) {
    }

    /** What stops the run of committed positions right after the feed's position. */
    enum Blocked {
        /** Nothing is tracked past the position. */
        NOTHING,
        /** The next position is this process's and its transaction is still open: its end will be known here. */
        IN_FLIGHT,
        /** The next position is not known here, or its transaction did not certainly commit: only the outbox can tell. */
        UNKNOWN
    }

    /** The committed rows taken, in position order, and what stopped the run. */
    record Step(List<Written> rows, Blocked blocked) {
    }

    private static final class Entry {
        Written written; // set once committed
        boolean uncertain;
    }

    private final Map<Long, Entry> bySeq = new HashMap<>();
    private final int capacity;

    /** At most {@code capacity} positions are tracked: past that (the feed is held up), new ones are read from the outbox. */
    LocalHandoff(int capacity) {
        this.capacity = capacity;
    }

    /** {@code seq} was drawn by an insert of this process; false if it is not tracked (the outbox will tell instead). */
    boolean drawn(long seq, long position) {
        if (seq <= position || bySeq.size() >= capacity) {
            return false;
        }
        bySeq.putIfAbsent(seq, new Entry());
        return true;
    }

    /** The transaction that drew {@code written}'s position committed. Ignored if the feed has passed it already. */
    void committed(Written written) {
        Entry e = bySeq.get(written.row().seq());
        if (e != null && !e.uncertain) {
            e.written = written;
        }
    }

    /** The transaction that drew {@code seq} ended without a certain commit: the outbox decides. */
    void notCommitted(long seq) {
        Entry e = bySeq.get(seq);
        if (e != null) {
            e.uncertain = true;
            e.written = null;
        }
    }

    /** Takes the committed rows right after {@code position}, in order; they are forgotten here. */
    Step take(long position) {
        List<Written> out = new ArrayList<>();
        for (long next = position + 1; ; next++) {
            Entry e = bySeq.get(next);
            if (e == null) {
                return new Step(out, bySeq.isEmpty() ? Blocked.NOTHING : Blocked.UNKNOWN);
            }
            if (e.uncertain) {
                return new Step(out, Blocked.UNKNOWN);
            }
            if (e.written == null) {
                return new Step(out, Blocked.IN_FLIGHT);
            }
            bySeq.remove(next);
            out.add(e.written);
        }
    }

    /** The feed moved from {@code from} to {@code to} by reading the outbox: what it passed is forgotten here. */
    void passed(long from, long to) {
        if (to - from > bySeq.size()) {
            bySeq.keySet().removeIf(seq -> seq <= to);
        } else {
            for (long s = from + 1; s <= to; s++) {
                bySeq.remove(s);
            }
        }
    }

    int size() {
        return bySeq.size();
    }
}
