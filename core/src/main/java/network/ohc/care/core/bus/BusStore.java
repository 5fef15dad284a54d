package network.ohc.care.core.bus;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SQL of signal delivery: reading the outbox, subscriber positions and leases, dead letters. Plain JDBC in
 * autocommit: each statement is its own transaction, and none is held open while a handler runs.
 */
@ApplicationScoped
public class BusStore {
    @Inject
    AgroalDataSource db;

    record Lease(long position, Long rewindTo, boolean replayRequested) {
    }

    record DeadLetter(long id, String subscriber, long seq, UUID signalId, String type, String aggregateType, UUID aggregateId,
            int attempts, String error, boolean parked, String status, Instant createdAt) {
    }

    record SubscriptionState(String name, long position, String leaseOwner, Instant leaseUntil, long delivered, long failed,
            String lastError, Instant lastErrorAt, long openDeadLetters) {
    }

    /**
     * Up to {@code limit} signals after {@code after}, in position order, each row carrying the snapshot bounds of
     * this very statement (see {@link OutboxCursor} for why).
     */
    List<OutboxRow> fetch(long after, int limit) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT seq, signal_id, type, schema_version, aggregate_type, aggregate_id, occurred_at, payload::text,
                       pg_snapshot_xmin(pg_current_snapshot())::text, pg_snapshot_xmax(pg_current_snapshot())::text
                FROM core.signal_outbox WHERE seq > ? ORDER BY seq LIMIT ?""")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            return rows(ps);
        }
    }

    /** Up to {@code limit} signals after {@code after} and up to {@code upTo} (a position known to be final), in order. */
    List<OutboxRow> fetchUpTo(long after, long upTo, int limit) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT seq, signal_id, type, schema_version, aggregate_type, aggregate_id, occurred_at, payload::text, '0', '0'
                FROM core.signal_outbox WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?""")) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setInt(3, limit);
            return rows(ps);
        }
    }

    /**
     * A position at or below which the outbox is final: the highest visible position, once every transaction that was
     * running when it was read has ended (any of them may hold a lower position; later ones draw higher ones).
     */
    long finalHead() throws SQLException, InterruptedException {
        long head = headSeq();
        long bound = xidBound();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) {
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (Long.parseLong(rs.getString(1)) > bound) {
                        return head;
                    }
                }
                Thread.sleep(5);
            }
        }
    }

    /** A new transaction id: greater than every id assigned before this call (it consumes one id). */
    long xidBound() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_current_xact_id()::text");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    Optional<OutboxRow> fetchOne(long seq) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT seq, signal_id, type, schema_version, aggregate_type, aggregate_id, occurred_at, payload::text, '0', '0'
                FROM core.signal_outbox WHERE seq = ?""")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static List<OutboxRow> rows(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<OutboxRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs));
            }
            return rows;
        }
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getObject(6, UUID.class), rs.getTimestamp(7).toInstant(), rs.getString(8), Long.parseLong(rs.getString(9)),
                Long.parseLong(rs.getString(10)));
    }

    long headSeq() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(seq), 0) FROM core.signal_outbox"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every signal after {@code after} is kept; so is every one that occurred after {@code through} (null: none pruned). */
    record Retained(long after, Instant through) {
    }

    Retained retained() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT pruned_to, pruned_through FROM core.signal_retention"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Retained(0, null);
            }
            Timestamp t = rs.getTimestamp(2);
            return new Retained(rs.getLong(1), t == null ? null : t.toInstant());
        }
    }

    /**
     * Deletes up to {@code batch} signals that every subscription has passed and that occurred before {@code cutoff},
     * keeping those of open dead letters (a replay needs them); returns how many went.
     */
    int prune(Instant cutoff, int batch) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH doomed AS (
                    SELECT o.seq FROM core.signal_outbox o
                    WHERE o.seq <= (SELECT coalesce(min(position), 0) FROM core.signal_subscription)
                      AND o.occurred_at < ?
                      AND NOT EXISTS (SELECT 1 FROM core.signal_dead_letter d WHERE d.seq = o.seq AND d.status = 'OPEN')
                    ORDER BY o.seq LIMIT ?),
                gone AS (
                    DELETE FROM core.signal_outbox o USING doomed WHERE o.seq = doomed.seq RETURNING o.seq, o.occurred_at),
                moved AS (
                    UPDATE core.signal_retention r
                    SET pruned_to = greatest(r.pruned_to, g.seq), pruned_through = greatest(r.pruned_through, g.occurred_at)
                    FROM (SELECT max(seq) AS seq, max(occurred_at) AS occurred_at FROM gone) g
                    WHERE g.seq IS NOT NULL)
                SELECT count(*) FROM gone""")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            ps.setInt(2, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Last position whose signal occurred before {@code instant} (0 if none). */
    long positionBefore(Instant instant) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(seq), 0) FROM core.signal_outbox WHERE occurred_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(instant));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Registers a subscriber seen for the first time; {@code fromNow} starts it at the current head. */
    void ensureSubscription(String name, boolean fromNow) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO core.signal_subscription (name, position)
                VALUES (?, CASE WHEN ? THEN (SELECT coalesce(max(seq), 0) FROM core.signal_outbox) ELSE 0 END)
                ON CONFLICT (name) DO NOTHING""")) {
            ps.setString(1, name);
            ps.setBoolean(2, fromNow);
            ps.executeUpdate();
        }
    }

    /** Takes or renews the subscriber's lease for {@code owner}; empty if another instance holds it. */
    Optional<Lease> lease(String name, String owner, int seconds) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE core.signal_subscription
                SET lease_owner = ?, lease_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE name = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < now())
                RETURNING position, rewind_to, replay_requested""")) {
            ps.setString(1, owner);
            ps.setInt(2, seconds);
            ps.setString(3, name);
            ps.setString(4, owner);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long position = rs.getLong(1);
                long rewind = rs.getLong(2);
                Long rewindTo = rs.wasNull() ? null : rewind;
                return Optional.of(new Lease(position, rewindTo, rs.getBoolean(3)));
            }
        }
    }

    void release(String name, String owner) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.signal_subscription SET lease_owner = NULL, lease_until = NULL WHERE name = ? AND lease_owner = ?")) {
            ps.setString(1, name);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    /** Saves progress if {@code owner} still holds the lease; false means the lease was lost. */
    boolean savePosition(String name, String owner, long position, long delivered, long failed, String lastError, int leaseSeconds)
            throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE core.signal_subscription
                SET position = ?, delivered = delivered + ?, failed = failed + ?,
                    last_error = coalesce(?, last_error), last_error_at = CASE WHEN cast(? AS text) IS NULL THEN last_error_at ELSE now() END,
                    lease_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE name = ? AND lease_owner = ?""")) {
            ps.setLong(1, position);
            ps.setLong(2, delivered);
            ps.setLong(3, failed);
            ps.setString(4, truncate(lastError, 2000));
            ps.setString(5, lastError);
            ps.setInt(6, leaseSeconds);
            ps.setString(7, name);
            ps.setString(8, owner);
            return ps.executeUpdate() == 1;
        }
    }

    boolean applyRewind(String name, String owner, long position) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.signal_subscription SET position = ?, rewind_to = NULL, updated_at = now() WHERE name = ? AND lease_owner = ?")) {
            ps.setLong(1, position);
            ps.setString(2, name);
            ps.setString(3, owner);
            return ps.executeUpdate() == 1;
        }
    }

    void clearReplayRequest(String name, String owner) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.signal_subscription SET replay_requested = false WHERE name = ? AND lease_owner = ?")) {
            ps.setString(1, name);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    boolean requestRewind(String name, long position) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.signal_subscription SET rewind_to = ?, updated_at = now() WHERE name = ?")) {
            ps.setLong(1, position);
            ps.setString(2, name);
            return ps.executeUpdate() == 1;
        }
    }

    boolean requestReplay(String name) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.signal_subscription SET replay_requested = true, updated_at = now() WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    void deadLetter(String subscriber, OutboxRow row, int attempts, String error, boolean parked) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO core.signal_dead_letter (subscriber, seq, signal_id, type, aggregate_type, aggregate_id, attempts, error, parked)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (subscriber, seq) DO UPDATE SET attempts = excluded.attempts, error = excluded.error,
                    parked = excluded.parked, status = 'OPEN', resolved_at = NULL""")) {
            ps.setString(1, subscriber);
            ps.setLong(2, row.seq());
            ps.setObject(3, row.signalId());
            ps.setString(4, row.type());
            ps.setString(5, row.aggregateType());
            ps.setObject(6, row.aggregateId());
            ps.setInt(7, attempts);
            ps.setString(8, truncate(error, 4000));
            ps.setBoolean(9, parked);
            ps.executeUpdate();
        }
    }

    void resolveDeadLetter(long id, String status) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.signal_dead_letter SET status = ?, resolved_at = now() WHERE id = ? AND status = 'OPEN'")) {
            ps.setString(1, status);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    void failedAgain(long id, int attempts, String error) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE core.signal_dead_letter SET attempts = attempts + ?, error = ?, parked = false WHERE id = ?")) {
            ps.setInt(1, attempts);
            ps.setString(2, truncate(error, 4000));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    List<DeadLetter> deadLetters(String subscriber, boolean openOnly, int limit) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, subscriber, seq, signal_id, type, aggregate_type, aggregate_id, attempts, error, parked, status, created_at
                FROM core.signal_dead_letter WHERE subscriber = ? AND (status = 'OPEN' OR NOT ?) ORDER BY seq LIMIT ?""")) {
            ps.setString(1, subscriber);
            ps.setBoolean(2, openOnly);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<DeadLetter> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, UUID.class), rs.getString(5),
                            rs.getString(6), rs.getObject(7, UUID.class), rs.getInt(8), rs.getString(9), rs.getBoolean(10),
                            rs.getString(11), rs.getTimestamp(12).toInstant()));
                }
                return out;
            }
        }
    }

    /** Aggregates with an open dead letter: their later signals are parked behind it. */
    Set<String> parkedAggregates(String subscriber) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT aggregate_type, aggregate_id FROM core.signal_dead_letter WHERE subscriber = ? AND status = 'OPEN'")) {
            ps.setString(1, subscriber);
            try (ResultSet rs = ps.executeQuery()) {
                Set<String> out = new HashSet<>();
                while (rs.next()) {
                    out.add(rs.getString(1) + "/" + rs.getObject(2, UUID.class));
                }
                return out;
            }
        }
    }

    List<SubscriptionState> subscriptions() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.name, s.position, s.lease_owner, s.lease_until, s.delivered, s.failed, s.last_error, s.last_error_at,
                       (SELECT count(*) FROM core.signal_dead_letter d WHERE d.subscriber = s.name AND d.status = 'OPEN')
                FROM core.signal_subscription s ORDER BY s.name"""); ResultSet rs = ps.executeQuery()) {
            List<SubscriptionState> out = new ArrayList<>();
            while (rs.next()) {
                Timestamp lease = rs.getTimestamp(4);
                Timestamp err = rs.getTimestamp(8);
                out.add(new SubscriptionState(rs.getString(1), rs.getLong(2), rs.getString(3), lease == null ? null : lease.toInstant(),
                        rs.getLong(5), rs.getLong(6), rs.getString(7), err == null ? null : err.toInstant(), rs.getLong(9)));
            }
            return out;
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
