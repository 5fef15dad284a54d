package network.ohc.care.bench;

import jakarta.enterprise.context.ApplicationScoped;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** Fifty no-op subscribers; a run pauses the ones it does not want (care.bus.paused-subscribers). */
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
            if (BenchState.recordHandled) {
                BenchState.HANDLED.add(new BenchState.Handled(signal.envelope().signalId(), now));
            }
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
    @ApplicationScoped public static class S10 extends Counting { int index() { return 10; } }
    @ApplicationScoped public static class S11 extends Counting { int index() { return 11; } }
    @ApplicationScoped public static class S12 extends Counting { int index() { return 12; } }
    @ApplicationScoped public static class S13 extends Counting { int index() { return 13; } }
    @ApplicationScoped public static class S14 extends Counting { int index() { return 14; } }
    @ApplicationScoped public static class S15 extends Counting { int index() { return 15; } }
    @ApplicationScoped public static class S16 extends Counting { int index() { return 16; } }
    @ApplicationScoped public static class S17 extends Counting { int index() { return 17; } }
    @ApplicationScoped public static class S18 extends Counting { int index() { return 18; } }
    @ApplicationScoped public static class S19 extends Counting { int index() { return 19; } }
    @ApplicationScoped public static class S20 extends Counting { int index() { return 20; } }
    @ApplicationScoped public static class S21 extends Counting { int index() { return 21; } }
    @ApplicationScoped public static class S22 extends Counting { int index() { return 22; } }
    @ApplicationScoped public static class S23 extends Counting { int index() { return 23; } }
    @ApplicationScoped public static class S24 extends Counting { int index() { return 24; } }
    @ApplicationScoped public static class S25 extends Counting { int index() { return 25; } }
    @ApplicationScoped public static class S26 extends Counting { int index() { return 26; } }
    @ApplicationScoped public static class S27 extends Counting { int index() { return 27; } }
    @ApplicationScoped public static class S28 extends Counting { int index() { return 28; } }
    @ApplicationScoped public static class S29 extends Counting { int index() { return 29; } }
    @ApplicationScoped public static class S30 extends Counting { int index() { return 30; } }
    @ApplicationScoped public static class S31 extends Counting { int index() { return 31; } }
    @ApplicationScoped public static class S32 extends Counting { int index() { return 32; } }
    @ApplicationScoped public static class S33 extends Counting { int index() { return 33; } }
    @ApplicationScoped public static class S34 extends Counting { int index() { return 34; } }
    @ApplicationScoped public static class S35 extends Counting { int index() { return 35; } }
    @ApplicationScoped public static class S36 extends Counting { int index() { return 36; } }
    @ApplicationScoped public static class S37 extends Counting { int index() { return 37; } }
    @ApplicationScoped public static class S38 extends Counting { int index() { return 38; } }
    @ApplicationScoped public static class S39 extends Counting { int index() { return 39; } }
    @ApplicationScoped public static class S40 extends Counting { int index() { return 40; } }
    @ApplicationScoped public static class S41 extends Counting { int index() { return 41; } }
    @ApplicationScoped public static class S42 extends Counting { int index() { return 42; } }
    @ApplicationScoped public static class S43 extends Counting { int index() { return 43; } }
    @ApplicationScoped public static class S44 extends Counting { int index() { return 44; } }
    @ApplicationScoped public static class S45 extends Counting { int index() { return 45; } }
    @ApplicationScoped public static class S46 extends Counting { int index() { return 46; } }
    @ApplicationScoped public static class S47 extends Counting { int index() { return 47; } }
    @ApplicationScoped public static class S48 extends Counting { int index() { return 48; } }
    @ApplicationScoped public static class S49 extends Counting { int index() { return 49; } }
}
