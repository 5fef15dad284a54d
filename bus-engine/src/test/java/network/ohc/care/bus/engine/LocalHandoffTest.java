package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the hand-off knows of this process's positions, and where it stops. */
class LocalHandoffTest {
    static List<Long> seqs(LocalHandoff.Step step) {
        return step.rows().stream().map(w -> w.row().seq()).toList();
    }

    @Test
    void onlyAContiguousRunOfCommittedPositionsIsTaken() {
        LocalHandoff h = new LocalHandoff(100);
        for (long s = 11; s <= 14; s++) {
            assertTrue(h.drawn(s, 10));
        }
        h.committed(OutboxFeedTest.written(11));
        h.committed(OutboxFeedTest.written(12));
        h.committed(OutboxFeedTest.written(14));
        LocalHandoff.Step step = h.take(10);
        assertEquals(List.of(11L, 12L), seqs(step));
        assertEquals(LocalHandoff.Blocked.IN_FLIGHT, step.blocked(), "13's transaction is still open");
        h.committed(OutboxFeedTest.written(13));
        step = h.take(12);
        assertEquals(List.of(13L, 14L), seqs(step));
        assertEquals(LocalHandoff.Blocked.NOTHING, step.blocked());
        assertEquals(0, h.size(), "what was taken is forgotten");
    }

    @Test
    void aPositionNotDrawnHereOrNotCertainlyCommittedStopsTheRunForTheOutboxToSettle() {
        LocalHandoff h = new LocalHandoff(100);
        h.drawn(2, 0);
        h.committed(OutboxFeedTest.written(2));
        LocalHandoff.Step step = h.take(0);
        assertEquals(List.of(), seqs(step));
        assertEquals(LocalHandoff.Blocked.UNKNOWN, step.blocked(), "1 was never drawn here");

        h.drawn(3, 2);
        h.notCommitted(3);
        h.committed(OutboxFeedTest.written(3)); // a late report cannot turn an uncertain end into a commit
        h.passed(0, 2);
        step = h.take(2);
        assertEquals(List.of(), seqs(step));
        assertEquals(LocalHandoff.Blocked.UNKNOWN, step.blocked());
    }

    @Test
    void positionsAtOrBelowTheFeedOrPastTheCapacityAreNotTracked() {
        LocalHandoff h = new LocalHandoff(2);
        assertFalse(h.drawn(5, 5), "already passed by the feed");
        assertTrue(h.drawn(6, 5));
        assertTrue(h.drawn(7, 5));
        assertFalse(h.drawn(8, 5), "full: the outbox tells instead");
        h.committed(OutboxFeedTest.written(8));
        h.committed(OutboxFeedTest.written(6));
        h.committed(OutboxFeedTest.written(7));
        LocalHandoff.Step step = h.take(5);
        assertEquals(List.of(6L, 7L), seqs(step));
        assertEquals(LocalHandoff.Blocked.NOTHING, step.blocked());
    }

    @Test
    void whatTheOutboxPassedIsForgotten() {
        LocalHandoff h = new LocalHandoff(100);
        h.drawn(1, 0);
        h.drawn(2, 0);
        h.drawn(500, 0);
        h.passed(0, 2);
        assertEquals(1, h.size());
        h.passed(2, 1000); // a long jump: forgotten by scanning what is tracked
        assertEquals(0, h.size());
    }
}
