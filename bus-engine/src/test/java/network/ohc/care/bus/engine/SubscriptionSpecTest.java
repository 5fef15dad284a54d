package network.ohc.care.bus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.bus.contracts.SignalCatalog;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;
import org.junit.jupiter.api.Test;

/** A {@link SignalSubscriber}'s handlers as the worker calls them: directly, with a failed attempt where a nack was. */
class SubscriptionSpecTest {
    static FacilityUpdated signal() {
        UUID facility = UUID.randomUUID();
        return new FacilityUpdated(new Envelope(UUID.randomUUID(), "care.facility.updated", 1, Instant.now(), "facility", facility, facility,
                null, null), facility, "Ward", "hospital", "d", "s", true);
    }

    static SubscriptionSpec spec(java.util.function.Consumer<Subscription> declare) {
        return SubscriptionSpec.of(new SignalSubscriber() {
            @Override
            public String name() {
                return "spec-test";
            }

            @Override
            public void subscribe(Subscription s) {
                declare.accept(s);
            }
        });
    }

    static SubscriptionSpec.Handler handler(SubscriptionSpec spec) {
        return spec.handlers.get(SignalCatalog.key(FacilityUpdated.class));
    }

    @Test
    void aPlainHandlerIsCalledOnTheWorkersThreadAndIsDoneWhenItReturns() throws Exception {
        AtomicReference<Thread> calledOn = new AtomicReference<>();
        FacilityUpdated signal = signal();
        Delivery delivery = new Delivery("spec-test", signal.envelope().signalId(), 7, 1, false);
        AtomicReference<Object> got = new AtomicReference<>();
        SubscriptionSpec spec = spec(s -> s.on(FacilityUpdated.class, (FacilityUpdated f, Delivery d) -> {
            calledOn.set(Thread.currentThread());
            got.set(d);
        }));
        CompletableFuture<?> done = handler(spec).handler().handle(signal, delivery).toCompletableFuture();
        assertSame(Thread.currentThread(), calledOn.get(), "no hand-over to another thread or stream");
        assertSame(delivery, got.get());
        assertTrue(done.isDone() && !done.isCompletedExceptionally());
    }

    @Test
    void anAsyncHandlerThatReturnsNoStageFailsTheAttempt() {
        SubscriptionSpec spec = spec(s -> s.onAsync(FacilityUpdated.class, (FacilityUpdated f, Delivery d) -> null));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> handler(spec).handler().handle(signal(), new Delivery("spec-test", UUID.randomUUID(), 1, 1, false)));
        assertEquals("the handler of care.facility.updated returned no completion stage", e.getMessage());
    }

    @Test
    void anAsyncHandlersStageIsTheAttemptsOutcome() throws Exception {
        CompletableFuture<Void> stage = new CompletableFuture<>();
        SubscriptionSpec spec = spec(s -> s.onAsync(FacilityUpdated.class, (FacilityUpdated f, Delivery d) -> stage));
        assertSame(stage, handler(spec).handler().handle(signal(), new Delivery("spec-test", UUID.randomUUID(), 1, 1, false)));
    }
}
