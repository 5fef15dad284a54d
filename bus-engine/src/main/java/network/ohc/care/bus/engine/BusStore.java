package network.ohc.care.bus.engine;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The engine's database: reading the outbox, subscriber positions and leases, dead letters, retention. Each call is
 * its own short transaction; none is held open while a handler runs. One implementation per database
 * ({@code care-bus-store-postgres}).
 */
public interface BusStore extends OutboxLog, LeaseStore, DeadLetterStore {
    record SubscriptionState(String name, long position, String leaseOwner, Instant leaseUntil, long delivered, long failed,
            String lastError, Instant lastErrorAt, long openDeadLetters) {
    }

    /** Every signal after {@code after} is kept; so is every one that occurred after {@code through} (null: none pruned). */
    record Retained(long after, Instant through) {
    }

    long headSeq() throws SQLException;

    Retained retained() throws SQLException;

    /**
     * Deletes up to {@code batch} signals that every subscription has passed and that occurred before {@code cutoff},
     * keeping those of open dead letters (a replay needs them); returns how many went.
     */
    int prune(Instant cutoff, int batch) throws SQLException;

    /**
     * Makes the space of pruned signals reusable by new ones, whether or not the database reclaims it on its own
     * (PostgreSQL's autovacuum can be off or behind); without it the outbox's table grows even though its rows do not.
     */
    void reclaim() throws SQLException;

    /** Last position whose signal occurred before {@code instant} (0 if none). */
    long positionBefore(Instant instant) throws SQLException;

    /** Registers a subscriber seen for the first time; {@code fromNow} starts it at the current head. */
    void ensureSubscription(String name, boolean fromNow) throws SQLException;

    /** An operator's rewind, carried out by whichever instance holds the lease. */
    boolean requestRewind(String name, long position) throws SQLException;

    /** An operator's replay of the open dead letters, carried out by whichever instance holds the lease. */
    boolean requestReplay(String name) throws SQLException;

    List<SubscriptionState> subscriptions() throws SQLException;
}
