package network.ohc.care.core.plug;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import network.ohc.care.bus.api.SignalOutbox;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.core.audit.AuditRecorder;
import network.ohc.care.core.audit.Outcome;
import network.ohc.care.core.signal.SignalEmitter;
import network.ohc.care.core.staff.Access;
import network.ohc.care.plug.sdk.PlugDatabase;
import network.ohc.care.plug.sdk.PlugDescriptor;
import network.ohc.care.plug.sdk.PlugRuntime;

/**
 * Core's side of the plug SDK. Plugs never get this bean itself: {@link PlugRuntimes} hands each injection point a
 * {@link PlugRuntime} bound to the plug owning the injecting class. This unbound one serves callers outside any plug's
 * package (core's own tests, plugs whose descriptor has no {@code package=} yet).
 */
@ApplicationScoped
@Typed(CorePlugRuntime.class)
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
    AuditRecorder audit;
    @Inject
    @Any
    Instance<AgroalDataSource> dataSources;

    /** Each plug's own datasource (persistence-unit=true) by plug name, filled on its first publish. */
    private final Map<String, AgroalDataSource> plugDataSources = new ConcurrentHashMap<>();

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
    public String plug() {
        throw unbound();
    }

    @Override
    public PlugDatabase database() {
        throw unbound();
    }

    @Override
    public void publish(DomainSignal signal) {
        throw unbound();
    }

    private static IllegalStateException unbound() {
        return new IllegalStateException("this PlugRuntime belongs to no plug: the injecting class is outside every plug's "
                + "package (set package=<the plug's Java package> in its META-INF/care-plug.properties)");
    }

    @Override
    @SuppressWarnings("removal")
    public PlugDatabase database(String plug) {
        return new RoleDatabase(plug);
    }

    /** A runtime bound to {@code plug}. */
    PlugRuntime boundTo(PlugDescriptor plug) {
        return new Bound(plug);
    }

    /**
     * Records the plug's signal in the caller's JTA transaction, on the connection of the plug's own datasource (the
     * one its persistence unit has enlisted in this transaction) or, for a plug without one, on core's. Either way the
     * transaction has a single resource: two non-XA datasources in one transaction are refused by the transaction
     * manager, and a two-phase commit is not needed when the outbox row is written on the plug's own connection.
     */
    void publish(PlugDescriptor plug, DomainSignal signal) {
        outbox.appendPlugSignal(dataSourceOf(plug), signal);
    }

    /** The datasource a plug's signals are written on; a plug's own is looked up through CDI once, then kept. */
    AgroalDataSource dataSourceOf(PlugDescriptor plug) {
        if (!plug.persistenceUnit()) {
            return dataSource;
        }
        return plugDataSources.computeIfAbsent(plug.name(),
                name -> dataSources.select(new io.quarkus.agroal.DataSource.DataSourceLiteral(name)).get());
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

    /** The SDK as one plug sees it. */
    final class Bound implements PlugRuntime {
        private final PlugDescriptor plug;

        Bound(PlugDescriptor plug) {
            this.plug = plug;
        }

        @Override
        public String plug() {
            return plug.name();
        }

        @Override
        public PlugDatabase database() {
            return new RoleDatabase(plug.name());
        }

        @Override
        @SuppressWarnings("removal")
        public PlugDatabase database(String name) {
            return CorePlugRuntime.this.database(name);
        }

        @Override
        public void publish(DomainSignal signal) {
            CorePlugRuntime.this.publish(plug, signal);
        }

        @Override
        public void requireRole(UUID facilityId, Set<FacilityRole> roles, String what) {
            CorePlugRuntime.this.requireRole(facilityId, roles, what);
        }

        @Override
        public Envelope envelope(Class<? extends DomainSignal> type, String aggregateType, UUID aggregateId, UUID facilityId) {
            return CorePlugRuntime.this.envelope(type, aggregateType, aggregateId, facilityId);
        }

        @Override
        public Envelope envelope(Class<? extends DomainSignal> type, String aggregateType, UUID aggregateId, UUID facilityId,
                Envelope cause) {
            return CorePlugRuntime.this.envelope(type, aggregateType, aggregateId, facilityId, cause);
        }

        @Override
        public void requireSuperuser() {
            CorePlugRuntime.this.requireSuperuser();
        }

        @Override
        public void auditPatientAccess(String name, String action, UUID patientId, UUID facilityId) {
            CorePlugRuntime.this.auditPatientAccess(name, action, patientId, facilityId);
        }
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
                throw new IllegalStateException("publish(connection, signal) works inside database().transaction(...) only; "
                        + "in a @Transactional method use PlugRuntime.publish(signal)");
            }
            outbox.writePlugSignal(connection, signal);
            published.add(signal);
        }
    }
}
