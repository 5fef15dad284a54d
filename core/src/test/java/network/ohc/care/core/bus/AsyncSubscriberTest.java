package network.ohc.care.core.bus;

import static network.ohc.care.core.TestApi.admin;
import static network.ohc.care.core.TestApi.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.core.bus.TestSubscribers.AsyncSubscriber;
import network.ohc.care.core.bus.TestSubscribers.AsyncSubscriber.HandedOver;
import network.ohc.care.core.signal.SignalEmitter;
import org.junit.jupiter.api.Test;

/** A subscriber that finishes its signals later (onAsync, maxInFlight): sent ahead, passed only in order. */
@QuarkusTest
class AsyncSubscriberTest {
    @Inject
    AsyncSubscriber async;
    @Inject
    SignalEmitter emitter;

    static long savedPosition() {
        List<java.util.Map<String, Object>> subs = as(admin()).get("/api/v1/bus/subscriptions").then().statusCode(200).extract().path("");
        return subs.stream().filter(s -> "test-async".equals(s.get("name"))).mapToLong(s -> ((Number) s.get("position")).longValue())
                .findFirst().orElseThrow();
    }

    static List<UUID> ids(List<HandedOver> handed) {
        return handed.stream().map(h -> h.signal().envelope().signalId()).toList();
    }

    /** {@code n} signals of aggregate {@code a} in one commit; their ids in commit order. */
    List<UUID> commit(UUID a, int n, String label) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> out = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                FacilityUpdated s = new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", a, a), a, label + " " + i,
                        "CLINIC", null, null, true);
                emitter.emit(s);
                out.add(s.envelope().signalId());
            }
            return out;
        });
    }

    @Test
    void theNextBatchIsHandedOverWhileThePreviousOneIsOpenAndAFailureMidPipelineRedeliversWhatFollowedAcrossBatches()
            throws Exception {
        UUID a = UUID.randomUUID();
        async.held().add(a);
        try {
            List<UUID> sent = new java.util.ArrayList<>(commit(a, 4, "First"));
            await().atMost(Duration.ofSeconds(20)).until(() -> async.handedOver(a).size() == 4);
            // A later commit is read as a batch of its own: it is handed over though none of the first batch finished.
            sent.addAll(commit(a, 3, "Second"));
            await().atMost(Duration.ofSeconds(20)).until(() -> async.handedOver(a).size() == 7);
            List<HandedOver> first = async.handedOver(a);
            assertEquals(sent, ids(first), "handed over in commit order, across the two batches");
            // The second batch finishes first: the position waits before the open ones of the first.
            for (int i = 6; i >= 4; i--) {
                first.get(i).done().complete(null);
            }
            first.get(0).done().complete(null);
            first.get(1).done().complete(null);
            long passed = first.get(1).delivery().position();
            await().atMost(Duration.ofSeconds(20)).until(() -> savedPosition() >= passed);
            Thread.sleep(300);
            assertTrue(savedPosition() < first.get(2).delivery().position(), "the position passes the finished prefix only");
            // The third fails mid-pipeline: it is retried first, then everything after it is delivered again, in order.
            first.get(3).done().complete(null);
            first.get(2).done().completeExceptionally(new IllegalStateException("no acknowledgement"));
            await().atMost(Duration.ofSeconds(20)).until(() -> async.handedOver(a).size() == 8);
            HandedOver retry = async.handedOver(a).get(7);
            assertEquals(sent.get(2), retry.signal().envelope().signalId());
            assertEquals(2, retry.delivery().attempt());
            Thread.sleep(300);
            assertEquals(8, async.handedOver(a).size(), "the signals after it wait for the retry");
            assertTrue(savedPosition() < first.get(2).delivery().position());
            retry.done().complete(null);
            await().atMost(Duration.ofSeconds(20)).until(() -> async.handedOver(a).size() == 12);
            List<HandedOver> again = async.handedOver(a).subList(8, 12);
            assertEquals(sent.subList(3, 7), ids(again), "delivered again after the failed one, in order, across the batches");
            again.forEach(h -> h.done().complete(null));
            long last = again.get(3).delivery().position();
            await().atMost(Duration.ofSeconds(20)).until(() -> savedPosition() >= last);
            assertEquals(12, async.handedOver(a).size());
        } finally {
            async.held().remove(a);
            async.handedOver(a).forEach(h -> h.done().complete(null));
        }
    }

    @Test
    void signalsAreHandedOverBeforeEarlierOnesFinishAndAFailureRedeliversWhatFollowedIt() throws Exception {
        UUID a = UUID.randomUUID();
        async.held().add(a);
        try {
            // Five signals in one commit: one run of the worker.
            List<UUID> sent = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> out = new java.util.ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    FacilityUpdated s = new FacilityUpdated(emitter.envelope(FacilityUpdated.class, "Facility", a, a), a, "Async " + i,
                            "CLINIC", null, null, true);
                    emitter.emit(s);
                    out.add(s.envelope().signalId());
                }
                return out;
            });
            // All five are in flight at once, in commit order, though none has finished.
            await().atMost(Duration.ofSeconds(20)).until(() -> async.handedOver(a).size() == 5);
            List<HandedOver> first = async.handedOver(a);
            assertEquals(sent, ids(first));
            // The later ones finish, the first fails: its retry comes first, then all four after it again, in order.
            for (int i = 4; i >= 1; i--) {
                first.get(i).done().complete(null);
            }
            Thread.sleep(300);
            assertEquals(5, async.handedOver(a).size(), "nothing is handed over again while the first is open");
            assertTrue(savedPosition() < first.get(0).delivery().position(), "the position waits before the open one");
            first.get(0).done().completeExceptionally(new IllegalStateException("no acknowledgement"));
            await().atMost(Duration.ofSeconds(20)).until(() -> async.handedOver(a).size() == 6);
            HandedOver retry = async.handedOver(a).get(5);
            assertEquals(sent.get(0), retry.signal().envelope().signalId());
            assertEquals(2, retry.delivery().attempt());
            Thread.sleep(300);
            assertEquals(6, async.handedOver(a).size(), "the signals after it wait for the retry");
            retry.done().complete(null);
            await().atMost(Duration.ofSeconds(20)).until(() -> async.handedOver(a).size() == 10);
            List<HandedOver> again = async.handedOver(a).subList(6, 10);
            assertEquals(sent.subList(1, 5), ids(again), "delivered again after the failed one, in order");
            again.forEach(h -> h.done().complete(null));
            // Finished in order now: nothing more is handed over, and the position passes them all.
            long last = again.get(3).delivery().position();
            await().atMost(Duration.ofSeconds(20)).until(() -> savedPosition() >= last);
            assertEquals(10, async.handedOver(a).size());
            assertTrue(again.stream().allMatch(h -> h.delivery().attempt() == 1));
        } finally {
            async.held().remove(a);
            async.handedOver(a).forEach(h -> h.done().complete(null));
        }
    }
}
