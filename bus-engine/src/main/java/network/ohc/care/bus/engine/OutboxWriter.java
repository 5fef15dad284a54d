package network.ohc.care.bus.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import network.ohc.care.bus.api.SignalOutbox;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;

/**
 * Appends a signal to {@code core.signal_outbox} within the caller's transaction (which must exist), and
 * after that transaction commits, hands the transaction's signals to {@link AfterCommit}.
 */
@ApplicationScoped
public class OutboxWriter implements SignalOutbox {
    private static final String KEY = OutboxWriter.class.getName();

    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry tx;
    @Inject
    AfterCommit afterCommit;
    @Inject
    AgroalDataSource dataSource;

    // The transaction id is taken (in the sub-select, which runs first) before the position is drawn: the delivery
    // cursor relies on it (see OutboxCursor).
    private static final String INSERT = """
            INSERT INTO core.signal_outbox (seq, tx_id, signal_id, type, schema_version, aggregate_type, aggregate_id,
                facility_id, occurred_at, actor, correlation_id, payload)
            OVERRIDING SYSTEM VALUE
            SELECT nextval(pg_get_serial_sequence('core.signal_outbox', 'seq')), x.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb)
            FROM (SELECT pg_current_xact_id() AS id OFFSET 0) x""";

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainSignal signal) {
        Envelope e = signal.envelope();
        String payload;
        try {
            payload = json.writeValueAsString(signal);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialize " + e.type(), ex);
        }
        // The connection enlisted in the caller's JTA transaction (Agroal hands the same one to Hibernate): plain JDBC
        // here costs a third of what a Hibernate native query did on the write path of every change.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            SignalOutbox.bind(ps, e, payload);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot record signal " + e.type() + ": " + ex.getMessage(), ex);
        }
        pending().add(signal);
    }

    @Override
    public void committed(List<DomainSignal> signals) {
        afterCommit.committed(signals);
    }

    /**
     * Records a plug's signal (through {@code core.publish_plug_signal}, which refuses core's types) in the caller's
     * transaction on a connection of {@code dataSource}: the plug's own datasource, whose connection is the one already
     * enlisted in this transaction, so the plug's writes and the signal stay one local transaction.
     */
    @Override
    public void appendPlugSignal(DataSource dataSource, DomainSignal signal) {
        if (tx.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("PlugRuntime.publish(signal) needs an active transaction (@Transactional); "
                    + "in PlugDatabase.transaction(...) use PlugDatabase.publish(connection, signal)");
        }
        try (Connection c = dataSource.getConnection()) {
            writePlugSignal(c, signal);
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot record signal " + signal.envelope().type() + ": " + ex.getMessage(), ex);
        }
        pending().add(signal);
    }

    @Override
    public void writePlugSignal(Connection connection, DomainSignal signal) throws SQLException {
        Envelope e = signal.envelope();
        String payload;
        try {
            payload = json.writeValueAsString(signal);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot serialize " + e.type(), ex);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT core.publish_plug_signal(?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb))")) {
            SignalOutbox.bind(ps, e, payload);
            ps.execute();
        }
    }

    /** The transaction's signals so far; the first call registers the after-commit callback. */
    @SuppressWarnings("unchecked")
    private List<DomainSignal> pending() {
        List<DomainSignal> list = (List<DomainSignal>) tx.getResource(KEY);
        if (list != null) {
            return list;
        }
        List<DomainSignal> created = new ArrayList<>();
        tx.putResource(KEY, created);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    afterCommit.committed(created);
                }
            }
        });
        return created;
    }
}
