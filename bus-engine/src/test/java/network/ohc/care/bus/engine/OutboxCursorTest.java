package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The hole rule of the delivery cursor, on rows whose snapshot bounds the test chooses. */
class OutboxCursorTest {
    static OutboxRow row(long seq, long xmin) {
        return new OutboxRow(seq, UUID.randomUUID(), "t", 1, "A", UUID.randomUUID(), Instant.now(), "{}", xmin, xmin + 10);
    }

    static List<Long> seqs(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::seq).toList();
    }

    @Test
    void contiguousRowsFlowAndAHoleStopsDelivery() throws Exception {
        AtomicLong bound = new AtomicLong(100);
        OutboxCursor c = new OutboxCursor(0, bound::get);
        List<OutboxRow> ready = c.deliverable(List.of(row(1, 50), row(2, 50), row(4, 50), row(5, 50)));
        assertEquals(List.of(1L, 2L), seqs(ready));
        ready.forEach(c::advance);
        assertTrue(c.waitingOnHole());
    }

    @Test
    void aHoleIsSkippedOnlyOnceEveryTransactionThatCouldHoldItHasEnded() throws Exception {
        AtomicLong bound = new AtomicLong(100);
        OutboxCursor c = new OutboxCursor(2, bound::get);
        // Position 3 is missing; the bound taken now is 100.
        assertEquals(List.of(), seqs(c.deliverable(List.of(row(4, 90)))));
        // A running transaction with an id up to 100 could still insert position 3: keep waiting.
        assertEquals(List.of(), seqs(c.deliverable(List.of(row(4, 100)))));
        assertEquals(List.of(), seqs(c.deliverable(List.of(row(4, 95), row(5, 95)))));
        // Position 3 shows up: delivered in order.
        List<OutboxRow> late = c.deliverable(List.of(row(3, 99), row(4, 99)));
        assertEquals(List.of(3L, 4L), seqs(late));
        late.forEach(c::advance);
        assertEquals(4, c.position());
        // A new hole at 5 that never fills: skipped once xmin passes its bound.
        bound.set(200);
        assertEquals(List.of(), seqs(c.deliverable(List.of(row(6, 150)))));
        List<OutboxRow> after = c.deliverable(List.of(row(6, 201), row(7, 201)));
        assertEquals(List.of(6L, 7L), seqs(after));
    }

    /** A connection killed while the bound is taken (fault test b) must leave the hole unjudged, not bounded by 0. */
    @Test
    void aFailureTakingTheBoundLeavesTheHoleOpen() throws Exception {
        AtomicLong bound = new AtomicLong(100);
        java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean(true);
        OutboxCursor c = new OutboxCursor(2, () -> {
            if (fail.getAndSet(false)) {
                throw new java.sql.SQLException("terminating connection due to administrator command");
            }
            return bound.get();
        });
        org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> c.deliverable(List.of(row(4, 90))));
        // The next read takes the bound (100); a row read under xmin 90 says nothing about position 3 yet.
        assertEquals(List.of(), seqs(c.deliverable(List.of(row(4, 90)))));
        assertEquals(List.of(), seqs(c.deliverable(List.of(row(4, 99)))));
        assertTrue(c.waitingOnHole());
    }
}
