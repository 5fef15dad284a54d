package network.ohc.care.bus.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ClientProxy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import network.ohc.care.bus.api.SignalOutbox;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;

/**
 * Appends a signal to {@code core.signal_outbox} within the caller's transaction (which must exist), and after that
 * transaction ends, tells the instance's {@link OutboxFeed} how it ended: the positions it drew were committed (the
 * signals are handed to the subscribers from memory) or not (the outbox decides); then counts them ({@link AfterCommit}).
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
    @Inject
    SignalBus bus;

    /**
     * The injected beans are application-scoped, reached through client proxies that look their instance up in the
     * context on every call (a few per cent of a signal's CPU on the write path, issue 13): they live as long as the
     * application, so the writer calls them directly.
     */
    @PostConstruct
    void direct() {
        tx = ClientProxy.unwrap(tx);
        dataSource = ClientProxy.unwrap(dataSource);
        afterCommit = ClientProxy.unwrap(afterCommit);
        bus = ClientProxy.unwrap(bus);
    }

    // The transaction id is taken (in the sub-select, which runs first) before the position is drawn: the delivery
    // cursor relies on it (see OutboxCursor). The position comes back, for the in-memory hand-off (LocalHandoff). The
    // identity's sequence is named, not looked up per row (pg_get_serial_sequence reads the catalog on every call).
    private static final String INSERT = """
            INSERT INTO core.signal_outbox (seq, tx_id, signal_id, type, schema_version, aggregate_type, aggregate_id,
                facility_id, occurred_at, actor, correlation_id, payload)
            OVERRIDING SYSTEM VALUE
            SELECT nextval('core.signal_outbox_seq_seq'), x.id, ?, ?, ?, ?, ?, ?, cast(? AS timestamptz), ?, ?, cast(? AS jsonb)
            FROM (SELECT pg_current_xact_id() AS id OFFSET 0) x
            RETURNING seq""";

    /**
     * Does what {@code @Transactional(MANDATORY)} did, without an interceptor on every signal: refuses to run outside a
     * transaction, and marks the caller's transaction rollback-only when the signal cannot be recorded, so that a caller
     * who catches the failure still cannot commit its change without the signal.
     */
    @Override
    public void append(DomainSignal signal) {
        if (tx.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("a signal is recorded in the transaction of the change it describes: "
                    + signal.envelope().type() + " was emitted outside a transaction");
        }
        try {
            record(signal);
        } catch (RuntimeException | Error ex) {
            try {
                tx.setRollbackOnly();
            } catch (RuntimeException ended) { // the transaction has ended meanwhile (timed out): it cannot commit anyway
                ex.addSuppressed(ended);
            }
            throw ex;
        }
    }

    private void record(DomainSignal signal) {
        Envelope e = signal.envelope();
        String payload;
        try {
            payload = json.writeValueAsString(signal);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialize " + e.type(), ex);
        }
        // The connection enlisted in the caller's JTA transaction (Agroal hands the same one to Hibernate): plain JDBC
        // here costs a third of what a Hibernate native query did on the write path of every change.
        Pending p = pending(); // first: a position drawn is always followed by a report of how its transaction ended
        OutboxFeed feed = bus.feed();
        long seq = -1;
        if (feed != null) {
            feed.inserting();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            SignalOutbox.bind(ps, e, payload);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        } catch (SQLException ex) {
            seq = -1; // not tracked: if the transaction commits all the same, the outbox tells the feed
            throw new IllegalStateException("cannot record signal " + e.type() + ": " + ex.getMessage(), ex);
        } finally {
            if (feed != null && !feed.inserted(seq)) {
                feed = null;
            }
        }
        p.signals.add(signal);
        if (feed != null) {
            p.written.add(new LocalHandoff.Written(new OutboxRow(seq, e.signalId(), e.type(), e.schemaVersion(), e.aggregateType(),
                    e.aggregateId(), e.occurredAt(), payload, 0, 0), signal));
        } else {
            p.untracked = true;
        }
    }

    @Override
    public void committed(List<DomainSignal> signals) {
        afterCommit.committed(signals, true);
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
        Pending p = pending();
        p.signals.add(signal);
        p.untracked = true; // the SQL function draws the position: the outbox tells the feed
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

    /** A transaction's signals so far; those of {@code written} have positions the feed tracks. */
    private static final class Pending {
        final List<DomainSignal> signals = new ArrayList<>();
        final List<LocalHandoff.Written> written = new ArrayList<>();
        /** A signal whose position the feed does not know: after the commit, the feed reads the outbox. */
        boolean untracked;
    }

    /** The transaction's signals so far; the first call registers the after-completion callback. */
    private Pending pending() {
        Pending pending = (Pending) tx.getResource(KEY);
        if (pending != null) {
            return pending;
        }
        Pending created = new Pending();
        tx.putResource(KEY, created);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                ended(created, status == Status.STATUS_COMMITTED);
            }
        });
        return created;
    }

    /**
     * Tells the feed how the transaction ended. Only a commit the transaction manager reports as such hands the signals
     * over; any other end (a rollback, or a commit whose outcome is unknown) leaves their positions to the outbox.
     */
    private void ended(Pending pending, boolean committed) {
        OutboxFeed feed = bus.feed();
        if (!pending.written.isEmpty() && feed != null) {
            if (committed) {
                feed.committed(pending.written);
            } else {
                feed.notCommitted(pending.written.stream().map(w -> w.row().seq()).toList());
            }
        }
        if (committed) {
            afterCommit.committed(pending.signals, pending.untracked);
        }
    }
}
