package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed's in-memory hand-off of this process's commits, against an outbox whose visible rows, snapshot bounds and
 * transaction ids the test chooses: the safe head moves without a read only over positions known here as committed;
 * anything else is settled by the outbox and its hole rule, and nothing is handed out twice or out of order.
 */
class OutboxFeedTest {
    /** The outbox: committed rows, the xmin every read's snapshot reports, and the next transaction id. */
    static final class FakeLog implements OutboxLog {
        final TreeMap<Long, OutboxRow> committed = new TreeMap<>();
        long xmin = 50;
        long nextXid = 100;
        int fetches;

        void commit(long seq) {
            committed.put(seq, row(seq));
        }

        @Override
        public List<OutboxRow> fetch(long after, int limit) {
            fetches++;
            List<OutboxRow> out = new ArrayList<>();
            for (OutboxRow r : committed.tailMap(after, false).values()) {
                if (out.size() == limit) {
                    break;
                }
                out.add(new OutboxRow(r.seq(), r.signalId(), r.type(), r.schemaVersion(), r.aggregateType(), r.aggregateId(), r.occurredAt(),
                        r.payload(), xmin, xmin + 10));
            }
            return out;
        }

        @Override
        public List<OutboxRow> fetchUpTo(long after, long upTo, int limit) {
            return fetch(after, limit).stream().filter(r -> r.seq() <= upTo).toList();
        }

        @Override
        public long finalHead() {
            return committed.isEmpty() ? 0 : committed.lastKey();
        }

        @Override
        public long xidBound() {
            return nextXid++;
        }
    }

    static OutboxRow row(long seq) {
        return new OutboxRow(seq, UUID.randomUUID(), "care.test", 1, "A", UUID.randomUUID(), Instant.now(), "{}", 0, 0);
    }

    static LocalHandoff.Written written(long seq) {
        return new LocalHandoff.Written(row(seq), null);
    }

    FakeLog log;
    OutboxFeed feed;
    AtomicInteger advances;

    @BeforeEach
    void feed() throws Exception {
        log = new FakeLog();
        feed = new OutboxFeed(log, new ObjectMapper(), Map.of(), 500, 1000, 500, 0);
        advances = new AtomicInteger();
        feed.onAdvance(advances::incrementAndGet);
        feed.establish();
    }

    /** This process's insert drew {@code seq} (the position is tracked). */
    void draw(long seq) {
        feed.inserting();
        assertTrue(feed.inserted(seq), "position " + seq + " tracked");
    }

    List<Long> delivered() throws Exception {
        return feed.after(0, 1000).stream().map(r -> r.row.seq()).toList();
    }

    @Test
    void committedSignalsAreHandedOutFromMemoryWithoutReadingTheOutbox() throws Exception {
        draw(1);
        draw(2);
        feed.committed(List.of(written(1), written(2)));
        assertEquals(2, feed.safeHead());
        assertEquals(List.of(1L, 2L), delivered());
        assertEquals(0, log.fetches, "no read of the outbox");
        assertTrue(advances.get() >= 2, "the subscribers were woken by the commit");
        assertEquals(LocalHandoff.Blocked.NOTHING, feed.blocked());
    }

    @Test
    void commitsThatFinishOutOfPositionOrderAreHandedOutInPositionOrder() throws Exception {
        draw(1);
        draw(2);
        draw(3);
        feed.committed(List.of(written(3)));
        assertEquals(0, feed.safeHead(), "3 waits for 1 and 2, still in flight");
        assertEquals(LocalHandoff.Blocked.IN_FLIGHT, feed.blocked());
        feed.committed(List.of(written(1)));
        assertEquals(1, feed.safeHead());
        feed.committed(List.of(written(2)));
        assertEquals(3, feed.safeHead());
        assertEquals(List.of(1L, 2L, 3L), delivered());
        assertEquals(0, log.fetches);
    }

    @Test
    void aRolledBackPositionIsSettledByTheOutboxsHoleRuleNotSkippedFromMemory() throws Exception {
        draw(1);
        draw(2);
        feed.notCommitted(List.of(1L));
        feed.committed(List.of(written(2)));
        log.commit(2);
        assertEquals(0, feed.safeHead(), "2 is not handed out past 1, whose outcome only the outbox knows");
        assertEquals(LocalHandoff.Blocked.UNKNOWN, feed.blocked());

        feed.turn(); // reads the outbox: a hole at 1; the bound taken now is 100
        assertEquals(1, log.fetches);
        assertEquals(0, feed.safeHead());
        feed.turn(); // a transaction with an id up to 100 may still hold 1
        assertEquals(0, feed.safeHead());

        log.xmin = 101; // every transaction up to the bound has ended: 1 was rolled back
        feed.turn();
        assertEquals(2, feed.safeHead());
        assertEquals(List.of(2L), delivered(), "2 once, from the outbox");
    }

    @Test
    void aPositionThisProcessNeverDrewSendsTheFeedToTheOutbox() throws Exception {
        log.commit(1); // another instance's signal
        draw(2);
        log.commit(2);
        feed.committed(List.of(written(2)));
        assertEquals(0, feed.safeHead(), "2 is not handed out before 1, which only the outbox knows");
        assertEquals(LocalHandoff.Blocked.UNKNOWN, feed.blocked());
        assertEquals(0, log.fetches);

        feed.turn(); // no insert of this process is under way: 1 is not coming from here
        assertEquals(1, log.fetches);
        assertEquals(2, feed.safeHead());
        assertEquals(List.of(1L, 2L), delivered());

        draw(3);
        feed.committed(List.of(written(3)));
        assertEquals(3, feed.safeHead(), "the hand-off goes on from where the outbox left it");
        assertEquals(List.of(1L, 2L, 3L), delivered());
    }

    @Test
    void aCommitReportedAfterTheOutboxDeliveredItIsNotHandedOutAgain() throws Exception {
        draw(1);
        log.commit(1); // visible before this process's after-commit callback ran
        log.commit(2); // and another writer's after it
        feed.readOnce();
        assertEquals(2, feed.safeHead());
        feed.committed(List.of(written(1)));
        assertEquals(2, feed.safeHead());
        assertEquals(List.of(1L, 2L), delivered(), "1 once");
        feed.inserting();
        assertFalse(feed.inserted(-1), "a failed insert is not tracked");
    }

    @Test
    void aPositionDrawnBeforeTheFeedStartedIsLeftToTheOutbox() throws Exception {
        FakeLog other = new FakeLog();
        OutboxFeed notStarted = new OutboxFeed(other, new ObjectMapper(), Map.of(), 500, 1000, 500, 0);
        notStarted.inserting();
        assertFalse(notStarted.inserted(1), "no start position yet: the outbox will tell");
        notStarted.committed(List.of(written(1)));
        assertEquals(-1, notStarted.safeHead());
    }

    static List<Long> seqs(List<OutboxFeed.Row> rows) {
        return rows.stream().map(r -> r.row.seq()).toList();
    }

    @Test
    void aSliceHandedOutStaysAsItWasWhileTheWindowMovesOnAndOneBehindTheWindowReadsTheOutbox() throws Exception {
        FakeLog small = new FakeLog();
        OutboxFeed f = new OutboxFeed(small, new ObjectMapper(), Map.of(), 2, 4, 500, 0);
        f.establish();
        small.commit(1);
        small.commit(2);
        f.readOnce();
        List<OutboxFeed.Row> slice = f.after(0, 10); // a subscriber's batch, read without a copy
        for (long seq = 3; seq <= 20; seq++) {
            small.commit(seq);
        }
        while (f.readOnce() > 0) {
            // the window fills and is trimmed several times
        }
        assertEquals(20, f.safeHead());
        assertEquals(List.of(1L, 2L), seqs(slice), "trimming the window does not touch a slice handed out");
        int fetches = small.fetches;
        assertEquals(List.of(17L, 18L, 19L, 20L), seqs(f.after(16, 10)), "the newest rows, from memory");
        assertEquals(fetches, small.fetches);
        assertEquals(List.of(3L, 4L), seqs(f.after(2, 2)), "behind the window: from the outbox");
        assertEquals(fetches + 1, small.fetches);
    }

    @Test
    void aRowCarriesItsHandlerKeyLookedUpOnceForAllSubscribers() {
        assertSame(TypeKeys.of("care.test", 1), new OutboxFeed.Row(row(1)).key);
    }
}
