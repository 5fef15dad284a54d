package network.ohc.care.bus.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which outbox rows may be handed out after a position without ever skipping one that commits late.
 * <p>
 * Positions come from a sequence, taken before commit: position 11 can become visible while 10 is still in
 * flight. So a reader hands out rows only while positions are contiguous. At a hole it stops and takes a fresh
 * transaction id as a bound. The transaction that took the missing position already had its own id when it
 * did (the outbox insert assigns the id before it draws the position), so that id is below the bound. Once a
 * later snapshot's {@code xmin} is above the bound, every such transaction has ended: if the row is still not
 * there, its transaction rolled back and the hole is skipped for good.
 * (A snapshot's {@code xmax} would not do as the bound: it is one past the latest completed transaction, and a
 * transaction still running can have an id above it.)
 */
final class OutboxCursor {
    /** Returns a transaction id greater than every id assigned so far. */
    interface XidBound {
        long next() throws java.sql.SQLException;
    }

    private final XidBound bound;
    private long position;
    private long holeAt = -1;
    private long holeBound;

    OutboxCursor(long position, XidBound bound) {
        this.position = position;
        this.bound = bound;
    }

    long position() {
        return position;
    }

    void moveTo(long newPosition) {
        position = newPosition;
        holeAt = -1;
    }

    /** The prefix of {@code rows} (read after {@link #position()}) that is safe to hand out now. */
    List<OutboxRow> deliverable(List<OutboxRow> rows) throws java.sql.SQLException {
        List<OutboxRow> out = new ArrayList<>();
        long expected = position + 1;
        for (OutboxRow row : rows) {
            if (row.seq() < expected) {
                continue;
            }
            if (row.seq() > expected) {
                if (holeAt != expected) {
                    // The bound first: if taking it fails, the hole must not count as bounded by an older one.
                    holeBound = bound.next();
                    holeAt = expected;
                    break; // the row was read before the bound was taken: judge the hole on a later read
                }
                if (row.snapshotXmin() <= holeBound) {
                    break; // a transaction that may hold the missing position could still be running
                }
                holeAt = -1; // settled: the missing positions belong to rolled-back transactions
            }
            out.add(row);
            expected = row.seq() + 1;
        }
        return out;
    }

    /** Marks {@code row} handed out (handled, skipped or dead-lettered). */
    void advance(OutboxRow row) {
        position = row.seq();
        if (holeAt >= 0 && holeAt <= position) {
            holeAt = -1;
        }
    }

    boolean waitingOnHole() {
        return holeAt >= 0;
    }
}
