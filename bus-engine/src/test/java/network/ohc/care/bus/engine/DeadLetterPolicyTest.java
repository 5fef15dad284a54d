package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retries, dead letters, parking and replay, on an in-memory store. */
class DeadLetterPolicyTest {
    /** Dead letters kept in a list, as the store would. */
    static final class FakeStore implements DeadLetterStore {
        final List<String> written = new ArrayList<>();
        final List<DeadLetterStore.DeadLetter> open = new ArrayList<>();
        final Map<Long, OutboxRow> outbox = new HashMap<>();
        final Set<String> parked = new HashSet<>();
        final List<String> resolved = new ArrayList<>();
        int parkedReads;

        @Override
        public void deadLetter(String subscriber, OutboxRow row, int attempts, String error, boolean parkedBehind) {
            written.add(subscriber + " #" + row.seq() + " attempts=" + attempts + " parked=" + parkedBehind + " " + error);
        }

        @Override
        public Set<String> parkedAggregates(String subscriber) {
            parkedReads++;
            return Set.copyOf(parked);
        }

        @Override
        public List<DeadLetterStore.DeadLetter> deadLetters(String subscriber, boolean openOnly, int limit) {
            return open;
        }

        @Override
        public Optional<OutboxRow> fetchOne(long seq) {
            return Optional.ofNullable(outbox.get(seq));
        }

        @Override
        public void resolveDeadLetter(long id, String status) {
            resolved.add(id + " " + status);
        }

        @Override
        public void failedAgain(long id, int attempts, String error) {
            resolved.add(id + " failed again after " + attempts + ": " + error);
        }
    }

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    static OutboxRow row(long seq, UUID aggregate) {
        return new OutboxRow(seq, UUID.randomUUID(), "care.x", 1, "Thing", aggregate, Instant.now(), "{}", 0, 0);
    }

    static DeadLetterStore.DeadLetter letter(long id, OutboxRow row) {
        return new DeadLetterStore.DeadLetter(id, "sub", row.seq(), row.signalId(), row.type(), row.aggregateType(), row.aggregateId(), 5,
                "boom", false, "OPEN", Instant.now());
    }

    final FakeStore store = new FakeStore();
    final List<Duration> slept = new ArrayList<>();
    final AtomicInteger counted = new AtomicInteger();

    DeadLetterPolicy policy(int maxAttempts) {
        return new DeadLetterPolicy("sub", maxAttempts, n -> Duration.ofMillis(100L * n), store, counted::incrementAndGet, slept::add);
    }

    @Test
    void retriesBackOffBeforeEachLaterAttemptAndStopAtTheFirstSuccess() throws Exception {
        List<Integer> attempts = new ArrayList<>();
        List<Integer> renewed = new ArrayList<>();
        String error = policy(5).retry(1, n -> {
            attempts.add(n);
            return n < 3 ? "failed " + n : null;
        }, n -> {
            renewed.add(n);
            return null;
        });
        assertNull(error);
        assertEquals(List.of(1, 2, 3), attempts);
        assertEquals(List.of(2, 3), renewed, "the lease is renewed before each retry");
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(300)), slept);
    }

    @Test
    void whenEveryAttemptFailsTheLastErrorIsDeadLetteredAndItsAggregateParked() throws Exception {
        DeadLetterPolicy policy = policy(3);
        OutboxRow first = row(10, A);
        String error = policy.retry(1, n -> "failed " + n, n -> null);
        assertEquals("failed 3", error);
        assertFalse(policy.isParked(first));
        policy.giveUpIfFailed(first, error);
        assertEquals(List.of("sub #10 attempts=3 parked=false failed 3"), store.written);
        assertEquals(1, counted.get());
        assertTrue(policy.isParked(row(11, A)), "later signals of the aggregate wait behind it");
        assertFalse(policy.isParked(row(12, B)), "other aggregates go on");

        policy.parkBehind(row(11, A));
        assertEquals("sub #11 attempts=0 parked=true parked behind an earlier dead letter of Thing/" + A, store.written.get(1));
        assertEquals(2, counted.get());
    }

    @Test
    void aHandledSignalLeavesNoDeadLetter() throws Exception {
        policy(3).giveUpIfFailed(row(1, A), null);
        assertTrue(store.written.isEmpty());
        assertEquals(0, counted.get());
    }

    @Test
    void afterAFailedFirstAttemptInARunTheRemainingAttemptsFollow() throws Exception {
        List<Integer> attempts = new ArrayList<>();
        assertNull(policy(3).afterFirstFailure("first", n -> {
            attempts.add(n);
            return n == 3 ? null : "again";
        }, n -> null));
        assertEquals(List.of(2, 3), attempts);

        attempts.clear();
        assertEquals("first", policy(1).afterFirstFailure("first", n -> {
            attempts.add(n);
            return null;
        }, n -> null), "a single attempt allowed: the first error stands");
        assertTrue(attempts.isEmpty());
    }

    @Test
    void anUnreadableSignalIsDeadLetteredWithoutAnAttempt() throws Exception {
        DeadLetterPolicy policy = policy(5);
        policy.unreadable(row(3, B), new IllegalArgumentException("bad json"));
        assertEquals(List.of("sub #3 attempts=0 parked=false cannot read the signal: bad json"), store.written);
        assertTrue(policy.isParked(row(4, B)));
    }

    @Test
    void parkedAggregatesAreReReadOnlyWhileThereAreAny() throws Exception {
        DeadLetterPolicy policy = policy(5);
        policy.refresh();
        assertEquals(0, store.parkedReads, "nothing parked: no query on the hot path");
        store.parked.add("Thing/" + A);
        policy.reload();
        assertTrue(policy.isParked(row(1, A)));
        store.parked.clear(); // an operator discarded the dead letter
        policy.refresh();
        assertFalse(policy.isParked(row(1, A)));
        assertEquals(2, store.parkedReads);
    }

    @Test
    void aReplayRetriesOpenDeadLettersInOrderKeepingAStillFailingAggregateParked() throws Exception {
        OutboxRow a1 = row(1, A);
        OutboxRow a2 = row(2, A);
        OutboxRow b1 = row(3, B);
        OutboxRow gone = row(4, B);
        OutboxRow unhandled = row(5, B);
        for (OutboxRow r : List.of(a1, a2, b1, unhandled)) {
            store.outbox.put(r.seq(), r);
        }
        store.open.addAll(List.of(letter(11, a1), letter(12, a2), letter(13, b1), letter(14, gone), letter(15, unhandled)));
        List<Long> tried = new ArrayList<>();
        boolean done = policy(5).replay(r -> {
            tried.add(r.seq());
            if (r.seq() == 1) {
                return DeadLetterPolicy.Replayed.failed(5, "still broken");
            }
            return r.seq() == 5 ? DeadLetterPolicy.Replayed.NOT_HANDLED : DeadLetterPolicy.Replayed.ok();
        }, () -> true);
        assertTrue(done);
        assertEquals(List.of(1L, 3L, 5L), tried, "a2 waits behind a1, which still fails");
        assertEquals(List.of("11 failed again after 5: still broken", "13 REPLAYED", "14 DISCARDED", "15 DISCARDED"), store.resolved);
        assertEquals(1, store.parkedReads, "the parked aggregates are read again at the end");
    }

    @Test
    void aReplayStopsWhenTheInstanceStops() throws Exception {
        OutboxRow a1 = row(1, A);
        store.outbox.put(1L, a1);
        store.open.add(letter(11, a1));
        assertFalse(policy(5).replay(r -> DeadLetterPolicy.Replayed.ok(), () -> false));
        assertTrue(store.resolved.isEmpty());
    }
}
