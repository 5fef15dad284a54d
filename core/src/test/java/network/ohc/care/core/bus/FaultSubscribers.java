package network.ohc.care.core.bus;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/**
 * The subscribers of {@link BusFaultTest}, present only where {@code care.test.fault-subscribers=true} (its profile):
 * each counts how often it got each signal, and while {@link #holdMillis} is set each handler keeps a pooled
 * connection that long (slow handlers exhausting the pool).
 */
public final class FaultSubscribers {
    static final List<String> NAMES = List.of("fault-1", "fault-2", "fault-3", "fault-4", "fault-5", "fault-6", "fault-7", "fault-8");
    /** Per subscriber, per signal id: deliveries. */
    static final Map<String, Map<UUID, AtomicInteger>> RECEIVED = new ConcurrentHashMap<>();
    static volatile long holdMillis;
    /** Handlers that could not get a connection within the acquisition timeout (the pool was exhausted). */
    static final AtomicInteger STARVED = new AtomicInteger();

    private FaultSubscribers() {
    }

    static Map<UUID, AtomicInteger> of(String name) {
        return RECEIVED.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
    }

    abstract static class Base implements SignalSubscriber {
        @Inject
        AgroalDataSource db;

        @Override
        public void subscribe(Subscription s) {
            s.on(FacilityUpdated.class, this::handle);
        }

        void handle(FacilityUpdated signal, Delivery delivery) throws InterruptedException {
            long hold = holdMillis;
            if (hold > 0) {
                try (Connection c = db.getConnection()) {
                    c.isValid(1);
                    Thread.sleep(hold);
                } catch (SQLException e) {
                    STARVED.incrementAndGet(); // a slow handler, not a failing one: it goes on
                    Thread.sleep(hold);
                }
            }
            of(name()).computeIfAbsent(signal.envelope().signalId(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @LookupIfProperty(name = "care.test.fault-subscribers", stringValue = "true")
    @ApplicationScoped
    public static class Fault1 extends Base {
        @Override
        public String name() {
            return "fault-1";
        }
    }

    @LookupIfProperty(name = "care.test.fault-subscribers", stringValue = "true")
    @ApplicationScoped
    public static class Fault2 extends Base {
        @Override
        public String name() {
            return "fault-2";
        }
    }

    @LookupIfProperty(name = "care.test.fault-subscribers", stringValue = "true")
    @ApplicationScoped
    public static class Fault3 extends Base {
        @Override
        public String name() {
            return "fault-3";
        }
    }

    @LookupIfProperty(name = "care.test.fault-subscribers", stringValue = "true")
    @ApplicationScoped
    public static class Fault4 extends Base {
        @Override
        public String name() {
            return "fault-4";
        }
    }

    @LookupIfProperty(name = "care.test.fault-subscribers", stringValue = "true")
    @ApplicationScoped
    public static class Fault5 extends Base {
        @Override
        public String name() {
            return "fault-5";
        }
    }

    @LookupIfProperty(name = "care.test.fault-subscribers", stringValue = "true")
    @ApplicationScoped
    public static class Fault6 extends Base {
        @Override
        public String name() {
            return "fault-6";
        }
    }

    @LookupIfProperty(name = "care.test.fault-subscribers", stringValue = "true")
    @ApplicationScoped
    public static class Fault7 extends Base {
        @Override
        public String name() {
            return "fault-7";
        }
    }

    @LookupIfProperty(name = "care.test.fault-subscribers", stringValue = "true")
    @ApplicationScoped
    public static class Fault8 extends Base {
        @Override
        public String name() {
            return "fault-8";
        }
    }
}
