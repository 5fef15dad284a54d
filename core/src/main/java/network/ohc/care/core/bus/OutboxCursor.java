package network.ohc.care.core.bus;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which outbox rows may be handed out after a position without ever skipping one that commits late.
 * <p>
 * Positions come from a sequence, taken before commit: position 11 can become visible while 10 is still in
 * flight. So a reader hands out rows only while positions are contiguous. At a hole it stops and remembers the
 * reading snapshot's {@code xmax}. The transaction that took the missing position already had its transaction id
 * when it did (the outbox writer makes sure of that), and that id is below the remembered {@code xmax}. Once a
 * later snapshot's {@code xmin} reaches that {@code xmax}, every such transaction has ended: if the row is still
 * not there, its transaction rolled back and the hole is skipped for good.
 */
final class OutboxCursor {
    private long position;
    private long holeAt = -1;
    private long holeXmax;

    OutboxCursor(long position) {
        this.position = position;
    }

    long position() {
        return position;
    }

    void moveTo(long newPosition) {
        position = newPosition;
        holeAt = -1;
    }

    /** The prefix of {@code rows} (read after {@link #position()}) that is safe to hand out now. */
    List<OutboxRow> deliverable(List<OutboxRow> rows) {
        List<OutboxRow> out = new ArrayList<>();
        long expected = position + 1;
        for (OutboxRow row : rows) {
            if (row.seq() < expected) {
                continue;
            }
            if (row.seq() > expected) {
                if (holeAt != expected) {
                    holeAt = expected;
                    holeXmax = row.snapshotXmax();
                }
                if (row.snapshotXmin() < holeXmax) {
                    break; // a transaction that may hold the missing position is still running
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
