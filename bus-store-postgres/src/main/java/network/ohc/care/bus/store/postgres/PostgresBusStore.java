package network.ohc.care.bus.store.postgres;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.engine.BusStore;
import network.ohc.care.bus.engine.OutboxRow;

/**
 * The bus engine's store on PostgreSQL: reading the outbox, subscriber positions and leases, dead letters,
 * retention. Plain JDBC in autocommit: each statement is its own transaction, none held open while a handler runs.
 */
@ApplicationScoped
public class PostgresBusStore implements BusStore {
    // --- The outbox -------------------------------------------------------------------------------------------------
    private static final String ROW_COLUMNS =
            "seq, signal_id, type, schema_version, aggregate_type, aggregate_id, occurred_at, payload::text";
    /** Each row carries the snapshot bounds of this very statement (see the engine's OutboxCursor for why). */
    private static final String FETCH_AFTER = "SELECT " + ROW_COLUMNS + """
            , pg_snapshot_xmin(pg_current_snapshot())::text, pg_snapshot_xmax(pg_current_snapshot())::text
            FROM core.signal_outbox WHERE seq > ? ORDER BY seq LIMIT ?""";
    private static final String FETCH_BETWEEN = "SELECT " + ROW_COLUMNS + """
            , '0', '0' FROM core.signal_outbox WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?""";
    private static final String FETCH_ONE = "SELECT " + ROW_COLUMNS + ", '0', '0' FROM core.signal_outbox WHERE seq = ?";
    private static final String HEAD = "SELECT coalesce(max(seq), 0) FROM core.signal_outbox";
    private static final String SNAPSHOT_XMIN = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text";
    private static final String NEW_XID = "SELECT pg_current_xact_id()::text";
    private static final String POSITION_BEFORE = "SELECT coalesce(max(seq), 0) FROM core.signal_outbox WHERE occurred_at < ?";

    // --- Retention --------------------------------------------------------------------------------------------------
    private static final String RETAINED = "SELECT pruned_to, pruned_through FROM core.signal_retention";
    private static final String PRUNE = """
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
            SELECT count(*) FROM gone""";
    /**
     * A plain VACUUM: it takes no lock that blocks writers or readers, and skips the table rather than wait while
     * autovacuum is on it. Run by a user that does not own the table, PostgreSQL only warns and skips it.
     */
    private static final String RECLAIM = "VACUUM (SKIP_LOCKED) core.signal_outbox";

    // --- Subscriptions and their leases -----------------------------------------------------------------------------
    private static final String ENSURE_SUBSCRIPTION = """
            INSERT INTO core.signal_subscription (name, position)
            VALUES (?, CASE WHEN ? THEN (SELECT coalesce(max(seq), 0) FROM core.signal_outbox) ELSE 0 END)
            ON CONFLICT (name) DO NOTHING""";
    /**
     * Leases and positions are committed asynchronously (no wait for the WAL flush): one lost in a crash of the database
     * only means that a subscriber's signals since its previous save are delivered again, or that its lease is taken
     * again. {@code set_config(..., true)} applies to the statement's own transaction only, so the setting never reaches
     * another statement on the pooled connection; the CTE is referenced in the WHERE clause, so it runs before any row
     * changes. Signals themselves are always committed synchronously, with the change they describe.
     */
    private static final String ASYNC_COMMIT = "WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true)) ";
    private static final String IN_ASYNC_COMMIT = "EXISTS (SELECT 1 FROM async_commit)";
    static final String TAKE_LEASE = ASYNC_COMMIT + """
            UPDATE core.signal_subscription
            SET lease_owner = ?, lease_until = now() + make_interval(secs => ?), updated_at = now()
            WHERE name = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < now()) AND\s""" + IN_ASYNC_COMMIT + """

            RETURNING position, rewind_to, replay_requested""";
    private static final String RELEASE_LEASE =
            "UPDATE core.signal_subscription SET lease_owner = NULL, lease_until = NULL WHERE name = ? AND lease_owner = ?";
    static final String SAVE_POSITION = ASYNC_COMMIT + """
            UPDATE core.signal_subscription
            SET position = ?, delivered = delivered + ?, failed = failed + ?,
                last_error = coalesce(?, last_error), last_error_at = CASE WHEN cast(? AS text) IS NULL THEN last_error_at ELSE now() END,
                lease_until = now() + make_interval(secs => ?), updated_at = now()
            WHERE name = ? AND lease_owner = ? AND\s""" + IN_ASYNC_COMMIT;
    private static final String APPLY_REWIND =
            "UPDATE core.signal_subscription SET position = ?, rewind_to = NULL, updated_at = now() WHERE name = ? AND lease_owner = ?";
    private static final String CLEAR_REPLAY_REQUEST =
            "UPDATE core.signal_subscription SET replay_requested = false WHERE name = ? AND lease_owner = ?";
    private static final String REQUEST_REWIND = "UPDATE core.signal_subscription SET rewind_to = ?, updated_at = now() WHERE name = ?";
    private static final String REQUEST_REPLAY =
            "UPDATE core.signal_subscription SET replay_requested = true, updated_at = now() WHERE name = ?";
    private static final String SUBSCRIPTIONS = """
            SELECT s.name, s.position, s.lease_owner, s.lease_until, s.delivered, s.failed, s.last_error, s.last_error_at,
                   (SELECT count(*) FROM core.signal_dead_letter d WHERE d.subscriber = s.name AND d.status = 'OPEN')
            FROM core.signal_subscription s ORDER BY s.name""";

    // --- Dead letters -----------------------------------------------------------------------------------------------
    private static final String DEAD_LETTER = """
            INSERT INTO core.signal_dead_letter (subscriber, seq, signal_id, type, aggregate_type, aggregate_id, attempts, error, parked)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (subscriber, seq) DO UPDATE SET attempts = excluded.attempts, error = excluded.error,
                parked = excluded.parked, status = 'OPEN', resolved_at = NULL""";
    private static final String RESOLVE_DEAD_LETTER =
            "UPDATE core.signal_dead_letter SET status = ?, resolved_at = now() WHERE id = ? AND status = 'OPEN'";
    private static final String FAILED_AGAIN =
            "UPDATE core.signal_dead_letter SET attempts = attempts + ?, error = ?, parked = false WHERE id = ?";
    private static final String DEAD_LETTERS = """
            SELECT id, subscriber, seq, signal_id, type, aggregate_type, aggregate_id, attempts, error, parked, status, created_at
            FROM core.signal_dead_letter WHERE subscriber = ? AND (status = 'OPEN' OR NOT ?) ORDER BY seq LIMIT ?""";
    private static final String PARKED_AGGREGATES =
            "SELECT DISTINCT aggregate_type, aggregate_id FROM core.signal_dead_letter WHERE subscriber = ? AND status = 'OPEN'";

    @Inject
    AgroalDataSource db;

    private Jdbc jdbc;

    @PostConstruct
    void init() {
        jdbc = new Jdbc(db);
    }

    /** Up to {@code limit} signals after {@code after}, in position order, with the snapshot bounds of the read. */
    @Override
    public List<OutboxRow> fetch(long after, int limit) throws SQLException {
        return jdbc.list(FETCH_AFTER, PostgresBusStore::row, after, limit);
    }

    /** Up to {@code limit} signals after {@code after} and up to {@code upTo} (a position known to be final), in order. */
    @Override
    public List<OutboxRow> fetchUpTo(long after, long upTo, int limit) throws SQLException {
        return jdbc.list(FETCH_BETWEEN, PostgresBusStore::row, after, upTo, limit);
    }

    @Override
    public Optional<OutboxRow> fetchOne(long seq) throws SQLException {
        return jdbc.first(FETCH_ONE, PostgresBusStore::row, seq);
    }

    /**
     * A position at or below which the outbox is final: the highest visible position, once every transaction that was
     * running when it was read has ended (any of them may hold a lower position; later ones draw higher ones).
     */
    @Override
    public long finalHead() throws SQLException, InterruptedException {
        long head = headSeq();
        long bound = xidBound();
        return jdbc.withStatement(SNAPSHOT_XMIN, ps -> {
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (Long.parseLong(rs.getString(1)) > bound) {
                        return head;
                    }
                }
                Thread.sleep(5);
            }
        });
    }

    /** A new transaction id: greater than every id assigned before this call (it consumes one id). */
    @Override
    public long xidBound() throws SQLException {
        return jdbc.first(NEW_XID, rs -> Long.parseLong(rs.getString(1))).orElseThrow();
    }

    @Override
    public long headSeq() throws SQLException {
        return jdbc.oneLong(HEAD);
    }

    @Override
    public Retained retained() throws SQLException {
        return jdbc.first(RETAINED, rs -> new Retained(rs.getLong(1), Jdbc.instant(rs, 2))).orElse(new Retained(0, null));
    }

    /**
     * Deletes up to {@code batch} signals that every subscription has passed and that occurred before {@code cutoff},
     * keeping those of open dead letters (a replay needs them); returns how many went.
     */
    @Override
    public int prune(Instant cutoff, int batch) throws SQLException {
        return (int) jdbc.oneLong(PRUNE, cutoff, batch);
    }

    @Override
    public void reclaim() throws SQLException {
        jdbc.update(RECLAIM);
    }

    /** Last position whose signal occurred before {@code instant} (0 if none). */
    @Override
    public long positionBefore(Instant instant) throws SQLException {
        return jdbc.oneLong(POSITION_BEFORE, instant);
    }

    /** Registers a subscriber seen for the first time; {@code fromNow} starts it at the current head. */
    @Override
    public void ensureSubscription(String name, boolean fromNow) throws SQLException {
        jdbc.update(ENSURE_SUBSCRIPTION, name, fromNow);
    }

    /** Takes or renews the subscriber's lease for {@code owner}; empty if another instance holds it. */
    @Override
    public Optional<Lease> lease(String name, String owner, int seconds) throws SQLException {
        return jdbc.first(TAKE_LEASE, rs -> {
            long position = rs.getLong(1);
            long rewind = rs.getLong(2);
            Long rewindTo = rs.wasNull() ? null : rewind;
            return new Lease(position, rewindTo, rs.getBoolean(3));
        }, owner, seconds, name, owner);
    }

    @Override
    public void release(String name, String owner) throws SQLException {
        jdbc.update(RELEASE_LEASE, name, owner);
    }

    /** Saves progress if {@code owner} still holds the lease; false means the lease was lost. */
    @Override
    public boolean savePosition(String name, String owner, long position, long delivered, long failed, String lastError, int leaseSeconds)
            throws SQLException {
        return jdbc.update(SAVE_POSITION, position, delivered, failed, truncate(lastError, 2000), lastError, leaseSeconds, name,
                owner) == 1;
    }

    @Override
    public boolean applyRewind(String name, String owner, long position) throws SQLException {
        return jdbc.update(APPLY_REWIND, position, name, owner) == 1;
    }

    @Override
    public void clearReplayRequest(String name, String owner) throws SQLException {
        jdbc.update(CLEAR_REPLAY_REQUEST, name, owner);
    }

    @Override
    public boolean requestRewind(String name, long position) throws SQLException {
        return jdbc.update(REQUEST_REWIND, position, name) == 1;
    }

    @Override
    public boolean requestReplay(String name) throws SQLException {
        return jdbc.update(REQUEST_REPLAY, name) == 1;
    }

    @Override
    public void deadLetter(String subscriber, OutboxRow row, int attempts, String error, boolean parked) throws SQLException {
        jdbc.update(DEAD_LETTER, subscriber, row.seq(), row.signalId(), row.type(), row.aggregateType(), row.aggregateId(), attempts,
                truncate(error, 4000), parked);
    }

    @Override
    public void resolveDeadLetter(long id, String status) throws SQLException {
        jdbc.update(RESOLVE_DEAD_LETTER, status, id);
    }

    @Override
    public void failedAgain(long id, int attempts, String error) throws SQLException {
        jdbc.update(FAILED_AGAIN, attempts, truncate(error, 4000), id);
    }

    @Override
    public List<DeadLetter> deadLetters(String subscriber, boolean openOnly, int limit) throws SQLException {
        return jdbc.list(DEAD_LETTERS, rs -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getInt(8), rs.getString(9), rs.getBoolean(10),
                rs.getString(11), Jdbc.instant(rs, 12)), subscriber, openOnly, limit);
    }

    /** Aggregates with an open dead letter: their later signals are parked behind it. */
    @Override
    public Set<String> parkedAggregates(String subscriber) throws SQLException {
        return new HashSet<>(jdbc.list(PARKED_AGGREGATES, rs -> rs.getString(1) + "/" + rs.getObject(2, UUID.class), subscriber));
    }

    @Override
    public List<SubscriptionState> subscriptions() throws SQLException {
        return jdbc.list(SUBSCRIPTIONS, rs -> new SubscriptionState(rs.getString(1), rs.getLong(2), rs.getString(3),
                Jdbc.instant(rs, 4), rs.getLong(5), rs.getLong(6), rs.getString(7), Jdbc.instant(rs, 8), rs.getLong(9)));
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getObject(6, UUID.class), rs.getTimestamp(7).toInstant(), rs.getString(8), Long.parseLong(rs.getString(9)),
                Long.parseLong(rs.getString(10)));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
