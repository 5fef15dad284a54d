package network.ohc.care.bus.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;

/**
 * What core sees of the signal bus: a signal is appended to the transactional outbox in the caller's transaction,
 * so it exists if and only if the change it describes commits; delivery to subscribers happens after the commit.
 */
public interface SignalOutbox {
    /** Appends {@code signal} within the caller's transaction, which must exist. */
    void append(DomainSignal signal);

    /**
     * Appends a plug's {@code signal} (a plug's own type; core's are refused) within the caller's transaction, on a
     * connection of the plug's {@code dataSource}: the one already enlisted there, so the plug's rows and its signal
     * commit as one local transaction.
     */
    void appendPlugSignal(DataSource dataSource, DomainSignal signal);

    /**
     * Writes a plug's {@code signal} on {@code connection} (through {@code core.publish_plug_signal}, which refuses
     * core's types), in whatever transaction that connection is in; the caller reports the commit ({@link #committed}).
     */
    void writePlugSignal(Connection connection, DomainSignal signal) throws SQLException;

    /** Signals another writer (a plug's SQL publish function) appended have committed: delivery wakes, they are counted. */
    void committed(List<DomainSignal> signals);

    /** Binds a signal's ten outbox values, in the order of the outbox's insert and of {@code core.publish_plug_signal}. */
    static void bind(PreparedStatement ps, Envelope e, String payload) throws SQLException {
        ps.setObject(1, e.signalId());
        ps.setString(2, e.type());
        ps.setInt(3, e.schemaVersion());
        ps.setString(4, e.aggregateType());
        ps.setObject(5, e.aggregateId());
        ps.setObject(6, e.facilityId());
        // As timestamptz input text of an unspecified type (PostgreSQL takes it as the parameter's declared type); the
        // driver's formatting of a date-time object was costlier than the rest of the binding together.
        String at = TimestamptzText.of(e.occurredAt());
        if (at != null) {
            ps.setObject(7, at, Types.OTHER);
        } else {
            ps.setObject(7, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        }
        ps.setString(8, e.actor());
        ps.setString(9, e.correlationId());
        ps.setString(10, payload);
    }
}
