package network.ohc.care.core.plug;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.api.SignalOutbox;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.core.audit.AuditRecorder;
import network.ohc.care.core.audit.Outcome;
import network.ohc.care.core.signal.SignalEmitter;
import network.ohc.care.core.staff.Access;
import network.ohc.care.plug.sdk.PlugDatabase;
import network.ohc.care.plug.sdk.PlugRuntime;

/** Core's side of the plug SDK. */
@ApplicationScoped
public class CorePlugRuntime implements PlugRuntime {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Access access;
    @Inject
    SignalEmitter emitter;
    @Inject
    SignalOutbox outbox;
    @Inject
    ObjectMapper json;
    @Inject
    AuditRecorder audit;

    /** Signals published in the transaction running on this thread, handed over after its commit. */
    private static final ThreadLocal<List<DomainSignal>> PUBLISHED = new ThreadLocal<>();

    @Override
    public Envelope envelope(Class<? extends DomainSignal> type, String aggregateType, UUID aggregateId, UUID facilityId) {
        return emitter.envelope(type, aggregateType, aggregateId, facilityId);
    }

    @Override
    public Envelope envelope(Class<? extends DomainSignal> type, String aggregateType, UUID aggregateId, UUID facilityId, Envelope cause) {
        Envelope fresh = emitter.envelope(type, aggregateType, aggregateId, facilityId);
        return new Envelope(fresh.signalId(), fresh.type(), fresh.schemaVersion(), fresh.occurredAt(), aggregateType, aggregateId,
                facilityId, cause.actor(), cause.correlationId());
    }

    @Override
    public PlugDatabase database(String plug) {
        return new RoleDatabase(plug);
    }

    @Override
    public void requireRole(UUID facilityId, Set<FacilityRole> roles, String what) {
        access.requireAnyOf(facilityId, roles, what);
    }

    @Override
    public void auditPatientAccess(String plug, String action, UUID patientId, UUID facilityId) {
        audit.record(action, "PATIENT", patientId, patientId, facilityId, Outcome.SUCCESS, 200, plug, null, false);
    }

    @Override
    public void requireSuperuser() {
        access.requireSuperuser();
    }

    /** Transactions as the plug's role: SET LOCAL ends with the transaction, so the pooled connection comes back clean. */
    final class RoleDatabase implements PlugDatabase {
        private final String plug;

        RoleDatabase(String plug) {
            this.plug = plug;
        }

        @Override
        public String schema() {
            return PlugDatabase.schemaOf(plug);
        }

        @Override
        public <T> T transaction(Work<T> work) throws SQLException {
            List<DomainSignal> outer = PUBLISHED.get();
            List<DomainSignal> published = new ArrayList<>();
            PUBLISHED.set(published);
            try (Connection c = dataSource.getConnection()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET LOCAL ROLE " + PlugDatabase.roleOf(plug));
                        st.execute("SET LOCAL search_path TO " + schema());
                    }
                    T out = work.run(c);
                    c.commit();
                    if (!published.isEmpty()) {
                        outbox.committed(published);
                    }
                    return out;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            } finally {
                PUBLISHED.set(outer);
            }
        }

        @Override
        public void publish(Connection connection, DomainSignal signal) throws SQLException {
            List<DomainSignal> published = PUBLISHED.get();
            if (published == null) {
                throw new IllegalStateException("publish() works inside database(\"" + plug + "\").transaction(...) only");
            }
            Envelope e = signal.envelope();
            String payload;
            try {
                payload = json.writeValueAsString(signal);
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("cannot serialize " + e.type(), ex);
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT core.publish_plug_signal(?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb))")) {
                SignalOutbox.bind(ps, e, payload);
                ps.execute();
            }
            published.add(signal);
        }
    }
}
