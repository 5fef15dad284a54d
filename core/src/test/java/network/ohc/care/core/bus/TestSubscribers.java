package network.ohc.care.core.bus;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.ohc.care.bus.contracts.BedStatusChanged;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.EncounterCancelled;
import network.ohc.care.bus.contracts.EncounterCompleted;
import network.ohc.care.bus.contracts.EncounterStarted;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.bus.contracts.LocationCreated;
import network.ohc.care.bus.contracts.PatientAdmitted;
import network.ohc.care.bus.contracts.PatientRegistered;
import network.ohc.care.bus.contracts.PatientTransferred;
import network.ohc.care.bus.contracts.PatientUpdated;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** Subscribers living in the test application: one that records everything, one that fails or hangs on demand. */
public final class TestSubscribers {
    private TestSubscribers() {
    }

    public record Received(DomainSignal signal, Delivery delivery) {
    }

    private static Subscription all(Subscription s, Recorder r) {
        return s.on(FacilityCreated.class, r::record).on(FacilityUpdated.class, r::record).on(LocationCreated.class, r::record)
                .on(BedStatusChanged.class, r::record).on(PatientRegistered.class, r::record).on(PatientUpdated.class, r::record)
                .on(EncounterStarted.class, r::record).on(PatientAdmitted.class, r::record).on(PatientTransferred.class, r::record)
                .on(EncounterCompleted.class, r::record).on(EncounterCancelled.class, r::record);
    }

    interface Recorder {
        void record(DomainSignal signal, Delivery delivery) throws Exception;
    }

    /** Records every delivery. */
    @ApplicationScoped
    public static class RecordingSubscriber implements SignalSubscriber {
        private final List<Received> received = new CopyOnWriteArrayList<>();

        /** Through a method: a field read on the injected client proxy would not see the bean's state. */
        public List<Received> received() {
            return received;
        }

        @Override
        public String name() {
            return "test-recorder";
        }

        @Override
        public void subscribe(Subscription subscription) {
            all(subscription, (s, d) -> received.add(new Received(s, d)));
        }
    }

    /** Fails (or hangs) on the aggregates a test names; records what it handled. */
    @ApplicationScoped
    public static class FlakySubscriber implements SignalSubscriber {
        private final Set<UUID> failOn = ConcurrentHashMap.newKeySet();
        private final Set<UUID> hangOn = ConcurrentHashMap.newKeySet();
        private final List<Received> handled = new CopyOnWriteArrayList<>();
        private final AtomicInteger attempts = new AtomicInteger();

        public Set<UUID> failOn() {
            return failOn;
        }

        public Set<UUID> hangOn() {
            return hangOn;
        }

        public List<Received> handled() {
            return handled;
        }

        public int attempts() {
            return attempts.get();
        }

        @Override
        public String name() {
            return "test-flaky";
        }

        @Override
        public void subscribe(Subscription subscription) {
            all(subscription, this::handle).maxAttempts(3).backoff(Duration.ofMillis(20), Duration.ofMillis(50))
                    .timeout(Duration.ofMillis(700));
        }

        private void handle(DomainSignal signal, Delivery delivery) throws Exception {
            UUID aggregate = signal.envelope().aggregateId();
            if (failOn.contains(aggregate) || hangOn.contains(aggregate)) {
                attempts.incrementAndGet();
            }
            // A handler that hangs and ignores interrupts, until the test lets it go.
            long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (hangOn.contains(aggregate) && System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    // keeps hanging
                }
            }
            if (failOn.contains(aggregate)) {
                throw new IllegalStateException("poisoned aggregate " + aggregate);
            }
            handled.add(new Received(signal, delivery));
        }
    }

    /**
     * Holds every signal of a gated aggregate until the test hands out a permit (it never times out by itself):
     * a handler that blocks until released, or a subscriber as slow as the test makes it.
     */
    @ApplicationScoped
    public static class GatedSubscriber implements SignalSubscriber {
        private final Map<UUID, Semaphore> gates = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> waiting = new ConcurrentHashMap<>();
        private final List<Received> handled = new CopyOnWriteArrayList<>();

        /** Signals of {@code aggregate} now wait for {@link #release}. */
        public void gate(UUID aggregate) {
            gates.put(aggregate, new Semaphore(0));
            waiting.put(aggregate, new AtomicInteger());
        }

        public void release(UUID aggregate, int permits) {
            gates.get(aggregate).release(permits);
        }

        /** How many handler calls are blocked on {@code aggregate}'s gate right now. */
        public int waiting(UUID aggregate) {
            AtomicInteger n = waiting.get(aggregate);
            return n == null ? 0 : n.get();
        }

        public List<Received> handled() {
            return handled;
        }

        @Override
        public String name() {
            return "test-gated";
        }

        @Override
        public void subscribe(Subscription subscription) {
            all(subscription, this::handle).timeout(Duration.ofMinutes(10));
        }

        private void handle(DomainSignal signal, Delivery delivery) throws Exception {
            UUID aggregate = signal.envelope().aggregateId();
            Semaphore gate = gates.get(aggregate);
            if (gate != null) {
                waiting.get(aggregate).incrementAndGet();
                try {
                    if (!gate.tryAcquire(10, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("never released");
                    }
                } finally {
                    waiting.get(aggregate).decrementAndGet();
                }
            }
            handled.add(new Received(signal, delivery));
        }
    }

    /**
     * Hands back, for the aggregates a test holds, a stage the test completes itself (as a broker's acknowledgement
     * would), with up to 50 signals in flight; completes every other signal at once.
     */
    @ApplicationScoped
    public static class AsyncSubscriber implements SignalSubscriber {
        /** One hand-over: the signal, its delivery and the stage the test completes. */
        public record HandedOver(DomainSignal signal, Delivery delivery, java.util.concurrent.CompletableFuture<Void> done) {
        }

        private final Set<UUID> held = ConcurrentHashMap.newKeySet();
        private final List<HandedOver> handedOver = new CopyOnWriteArrayList<>();

        public Set<UUID> held() {
            return held;
        }

        /** The hand-overs of {@code aggregate}, in the order they happened. */
        public List<HandedOver> handedOver(UUID aggregate) {
            return handedOver.stream().filter(h -> h.signal().envelope().aggregateId().equals(aggregate)).toList();
        }

        @Override
        public String name() {
            return "test-async";
        }

        @Override
        public void subscribe(Subscription subscription) {
            subscription.onAsync(FacilityUpdated.class, this::handle).maxInFlight(50).maxAttempts(3)
                    .backoff(Duration.ofMillis(20), Duration.ofMillis(50)).timeout(Duration.ofMinutes(2));
        }

        private java.util.concurrent.CompletionStage<Void> handle(FacilityUpdated signal, Delivery delivery) {
            java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
            if (held.contains(signal.envelope().aggregateId())) {
                handedOver.add(new HandedOver(signal, delivery, done));
            } else {
                done.complete(null);
            }
            return done;
        }
    }
}
