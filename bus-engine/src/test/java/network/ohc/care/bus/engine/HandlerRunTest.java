package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import network.ohc.care.bus.contracts.FacilityUpdated;
import org.junit.jupiter.api.Test;

/**
 * Runs of an async subscriber carried across batches ({@link InFlight}), on the test's thread: the next batch is handed
 * over while the previous one is open, the position is only ever the finished prefix, a failure mid-pipeline stops
 * there, and nothing is handed over once the lease ran out.
 */
class HandlerRunTest {
    static final long MINUTE = 60_000_000_000L;

    /** Each hand-over's stage, by position, for the test to complete; and the positions in hand-over order. */
    final Map<Long, CompletableFuture<Void>> stages = new ConcurrentHashMap<>();
    final List<Long> handedOver = new ArrayList<>();
    final AtomicInteger rings = new AtomicInteger();
    final InFlight inFlight = new InFlight(100, rings::incrementAndGet);
    final BusMetrics.Delivered meters = meters();
    final SubscriptionSpec.Handler handler = new SubscriptionSpec.Handler(FacilityUpdated.class, (signal, delivery) -> {
        handedOver.add(delivery.position());
        CompletableFuture<Void> done = new CompletableFuture<>();
        stages.put(delivery.position(), done);
        return done;
    });
    final HandlerRun.Scope noScope = new HandlerRun.Scope() {
        @Override
        public void activate() {
        }

        @Override
        public void terminate() {
        }

        @Override
        public void close() {
        }
    };

    static BusMetrics.Delivered meters() {
        BusMetrics m = new BusMetrics();
        m.registry = new SimpleMeterRegistry();
        return m.delivered("test");
    }

    static OutboxRow row(long seq) {
        return new OutboxRow(seq, UUID.randomUUID(), "care.facility.updated", 1, "Facility", UUID.randomUUID(), Instant.now(), "{}", 0, 0);
    }

    /** Rows at these positions, each for the handler. */
    List<HandlerRun.Item> batch(long... seqs) {
        List<HandlerRun.Item> out = new ArrayList<>();
        for (long s : seqs) {
            out.add(new HandlerRun.Item(row(s), handler, null, false));
        }
        return out;
    }

    HandlerRun run(List<HandlerRun.Item> items, boolean handOff, boolean leaseExpired) {
        HandlerRun r = new HandlerRun("test", items, 50, inFlight, handOff, MINUTE, meters, () -> leaseExpired, noScope);
        r.run();
        return r;
    }

    @Test
    void theNextBatchIsHandedOverWhileThePreviousIsOpenAndThePositionIsTheFinishedPrefix() {
        HandlerRun first = run(batch(101, 102, 103), true, false);
        assertEquals(List.of(101L, 102L, 103L), handedOver);
        assertEquals(3, inFlight.size(), "the run ended with all three open");
        assertEquals(100, first.finished);
        assertEquals(103, inFlight.handedUpTo(), "the next batch is read after what was handed over");

        List<HandlerRun.Item> second = batch(105, 106);
        second.add(1, new HandlerRun.Item(row(104), null, null, false)); // none of this subscriber's: passed over in order
        HandlerRun next = run(second, true, false);
        assertEquals(List.of(101L, 102L, 103L, 105L, 106L), handedOver, "handed over in order, across the batches");
        assertEquals(100, next.finished);
        assertEquals(106, inFlight.handedUpTo());

        // Later ones finish first: the position waits before the open one.
        stages.get(106L).complete(null);
        stages.get(102L).complete(null);
        assertEquals(100, run(List.of(), true, false).finished);
        stages.get(101L).complete(null);
        HandlerRun harvest = run(List.of(), true, false);
        assertEquals(102, harvest.finished, "101 and 102 finished; 103 is open");
        assertEquals(2, harvest.succeeded);
        assertTrue(rings.get() >= 3, "each finish rings the worker");

        stages.get(103L).complete(null);
        stages.get(105L).complete(null);
        assertEquals(106, run(List.of(), true, false).finished, "the row passed over between them counts as finished");
        assertTrue(inFlight.isEmpty());
    }

    @Test
    void withoutHandOffARunWaitsForAllItHandedOver() {
        handedOver.clear();
        SubscriptionSpec.Handler quick = new SubscriptionSpec.Handler(FacilityUpdated.class,
                (signal, delivery) -> CompletableFuture.completedFuture(null));
        HandlerRun r = new HandlerRun("test", List.of(new HandlerRun.Item(row(101), quick, null, false),
                new HandlerRun.Item(row(102), quick, null, false)), 50, inFlight, false, MINUTE, meters, () -> false, noScope);
        r.run();
        assertEquals(102, r.finished);
        assertEquals(2, r.succeeded);
        assertTrue(inFlight.isEmpty());
        assertEquals(2, meters.counted(), "the delivered counter counts each signal, added once per run");
    }

    @Test
    void eachHandlerCallHasItsOwnRequestContextAndTheRunLeavesItOnceAtItsEnd() {
        List<String> events = new ArrayList<>();
        HandlerRun.Scope recording = new HandlerRun.Scope() {
            @Override
            public void activate() {
                events.add("activate");
            }

            @Override
            public void terminate() {
                events.add("destroy");
            }

            @Override
            public void close() {
                events.add("leave");
            }
        };
        SubscriptionSpec.Handler quick = new SubscriptionSpec.Handler(FacilityUpdated.class, (signal, delivery) -> {
            events.add("handle " + delivery.position());
            if (delivery.position() == 103) {
                throw new IllegalStateException("boom");
            }
            return CompletableFuture.completedFuture(null);
        });
        HandlerRun r = new HandlerRun("test", List.of(new HandlerRun.Item(row(101), quick, null, false),
                new HandlerRun.Item(row(102), quick, null, false), new HandlerRun.Item(row(103), quick, null, false)), 50, inFlight,
                false, MINUTE, meters, () -> false, recording);
        r.run();
        assertEquals(List.of("activate", "handle 101", "destroy", "activate", "handle 102", "destroy", "activate", "handle 103",
                "destroy", "leave"), events, "a fresh context per signal, destroyed after it even when the handler throws; left once");
        assertEquals(102, r.finished);
        assertEquals(103, r.failed.row().seq());
    }

    @Test
    void eachFinishedSignalCountsOnceAcrossPipelinedRuns() {
        run(batch(101, 102), true, false);
        assertEquals(0, meters.counted(), "handed over, not finished");
        stages.get(101L).complete(null);
        run(List.of(), true, false);
        assertEquals(1, meters.counted());
        stages.get(102L).complete(null);
        run(List.of(), true, false);
        assertEquals(2, meters.counted());
    }

    @Test
    void aFailureMidPipelineStopsThereAndThePositionStaysBeforeIt() {
        run(batch(101, 102), true, false);
        run(batch(103, 104), true, false);
        stages.get(101L).complete(null);
        stages.get(104L).complete(null);
        stages.get(102L).completeExceptionally(new IllegalStateException("broker refused"));
        HandlerRun r = run(List.of(), true, false);
        assertEquals(102, r.failed.row().seq(), "the first failure in order, not a later one");
        assertEquals("IllegalStateException: broker refused", r.error);
        assertEquals(101, r.finished, "the prefix before the failed signal");
        assertEquals(1, r.succeeded);
    }

    @Test
    void aHandlerThatThrowsFailsInItsTurn() {
        SubscriptionSpec.Handler throwing = new SubscriptionSpec.Handler(FacilityUpdated.class, (signal, delivery) -> {
            throw new IllegalArgumentException("bad");
        });
        run(batch(101), true, false);
        HandlerRun r = new HandlerRun("test", List.of(new HandlerRun.Item(row(102), throwing, null, false)), 50, inFlight, true, MINUTE,
                meters, () -> false, noScope);
        r.run();
        assertNull(r.failed, "reported once those before it finished");
        stages.get(101L).complete(null);
        HandlerRun after = run(List.of(), true, false);
        assertEquals(102, after.failed.row().seq());
        assertEquals(101, after.finished);
    }

    @Test
    void onceTheLeaseRanOutNothingIsHandedOverAndWhatIsOpenIsWaitedFor() {
        run(batch(101), true, false);
        stages.get(101L).complete(null);
        HandlerRun fenced = run(batch(102, 103), true, true);
        assertTrue(fenced.fenced);
        assertEquals(List.of(101L), handedOver, "nothing started after the lease ran out");
        assertEquals(101, fenced.finished);
        assertTrue(inFlight.isEmpty());
    }

    @Test
    void noMoreThanMaxInFlightAreOpenAtOnce() {
        SubscriptionSpec.Handler firstQuick = new SubscriptionSpec.Handler(FacilityUpdated.class, (signal, delivery) -> {
            handedOver.add(delivery.position());
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (delivery.position() == 101) {
                done.complete(null);
            }
            stages.put(delivery.position(), done);
            return done;
        });
        List<HandlerRun.Item> items = new ArrayList<>();
        for (long s = 101; s <= 103; s++) {
            items.add(new HandlerRun.Item(row(s), firstQuick, null, false));
        }
        HandlerRun r = new HandlerRun("test", items, 2, inFlight, true, MINUTE, meters, () -> false, noScope);
        r.run();
        assertEquals(List.of(101L, 102L, 103L), handedOver, "the third waited for the first to finish");
        assertEquals(2, inFlight.size());
        assertEquals(101, r.finished);
        assertFalse(r.fenced);
        assertSame(items.get(1), inFlight.oldest().item());
    }
}
