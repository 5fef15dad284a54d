package network.ohc.care.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.EncounterStarted;
import network.ohc.care.bus.contracts.FacilityCreated;
import network.ohc.care.bus.contracts.FacilityUpdated;
import network.ohc.care.bus.contracts.LocationCreated;
import network.ohc.care.bus.contracts.PatientRegistered;
import network.ohc.care.bus.contracts.StaffRoleGranted;
import network.ohc.care.bus.engine.SignalBus;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.SignalSubscriber;
import network.ohc.care.plug.sdk.Subscription;

/** Two subscribers that write every delivery, with the delivering instance, to it_sink.delivery. */
public final class SinkSubscribers {
    private SinkSubscribers() {
    }

    @ApplicationScoped
    public static class Schema {
        @Inject
        AgroalDataSource db;

        void create(@Observes @Priority(1) StartupEvent event) throws SQLException {
            try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS it_sink");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS it_sink.delivery (subscriber text NOT NULL, signal_id uuid NOT NULL,
                            seq bigint NOT NULL, instance text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp(),
                            started timestamptz)""");
            }
        }
    }

    abstract static class Sink implements SignalSubscriber {
        @Inject
        AgroalDataSource db;
        @Inject
        SignalBus bus;

        @Override
        public void subscribe(Subscription s) {
            s.on(FacilityCreated.class, this::record).on(FacilityUpdated.class, this::record).on(LocationCreated.class, this::record)
                    .on(PatientRegistered.class, this::record).on(EncounterStarted.class, this::record)
                    .on(StaffRoleGranted.class, this::record);
        }

        /** CARE_IT_SINK_DELAY_MS slows each delivery down, so a test can catch a backlog. */
        private static final long DELAY = Long.parseLong(System.getenv().getOrDefault("CARE_IT_SINK_DELAY_MS", "0"));

        void record(DomainSignal signal, Delivery delivery) throws Exception {
            java.sql.Timestamp started = java.sql.Timestamp.from(java.time.Instant.now()); // when the handler was called
            if (DELAY > 0) {
                Thread.sleep(DELAY);
            }
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO it_sink.delivery (subscriber, signal_id, seq, instance, started) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, name());
                ps.setObject(2, signal.envelope().signalId());
                ps.setLong(3, delivery.position());
                ps.setString(4, bus.instance());
                ps.setTimestamp(5, started);
                ps.executeUpdate();
            }
        }
    }

    @ApplicationScoped
    public static class SinkA extends Sink {
        @Override
        public String name() {
            return "it-sink-a";
        }
    }

    @ApplicationScoped
    public static class SinkB extends Sink {
        @Override
        public String name() {
            return "it-sink-b";
        }
    }
}
