package network.ohc.care.bench;

import jakarta.enterprise.context.ApplicationScoped;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** Ten no-op subscribers; a run pauses the ones it does not want (care.bus.paused-subscribers). */
public final class BenchSubscribers {
    private BenchSubscribers() {
    }

    abstract static class Counting implements SignalSubscriber {
        abstract int index();

        @Override
        public String name() {
            return String.format("bench-%02d", index());
        }

        @Override
        public void subscribe(Subscription s) {
            s.on(FacilityUpdated.class, this::handle);
        }

        void handle(FacilityUpdated signal, Delivery delivery) {
            long now = System.nanoTime();
            Long committed = BenchState.COMMITTED_AT.get(signal.envelope().signalId());
            if (committed != null) {
                BenchState.LATENCIES.add(now - committed);
            }
            BenchState.DELIVERED[index()].incrementAndGet();
            if (index() == 0 && BenchState.recordSeen) {
                BenchState.SEEN.add(delivery.position());
            }
            BenchState.lastDeliveryNanos = now;
        }
    }

    @ApplicationScoped public static class S0 extends Counting { int index() { return 0; } }
    @ApplicationScoped public static class S1 extends Counting { int index() { return 1; } }
    @ApplicationScoped public static class S2 extends Counting { int index() { return 2; } }
    @ApplicationScoped public static class S3 extends Counting { int index() { return 3; } }
    @ApplicationScoped public static class S4 extends Counting { int index() { return 4; } }
    @ApplicationScoped public static class S5 extends Counting { int index() { return 5; } }
    @ApplicationScoped public static class S6 extends Counting { int index() { return 6; } }
    @ApplicationScoped public static class S7 extends Counting { int index() { return 7; } }
    @ApplicationScoped public static class S8 extends Counting { int index() { return 8; } }
    @ApplicationScoped public static class S9 extends Counting { int index() { return 9; } }
}
