package network.ohc.care.bus.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/**
 * What happens to a signal its handler keeps failing on: retried with the subscription's backoff up to its
 * attempts, then dead-lettered; later signals of the same aggregate are parked behind the dead letter (so they stay
 * in order) until an operator replays or discards it.
 */
final class DeadLetterPolicy {
    private static final Logger LOG = Logger.getLogger(DeadLetterPolicy.class);

    /** One attempt at a signal: null if it was handled, else the error. */
    @FunctionalInterface
    interface Attempt {
        String run(int attempt) throws Exception;
    }

    /** A dead letter's signal tried again: its attempts from the first, or why it cannot be. */
    @FunctionalInterface
    interface Replay {
        Replayed run(OutboxRow row) throws Exception;
    }

    /** How a replayed dead letter went; {@code error} null: handled. */
    record Replayed(boolean handled, int attempts, String error) {
        static final Replayed NOT_HANDLED = new Replayed(false, 0, null);

        static Replayed ok() {
            return new Replayed(true, 0, null);
        }

        static Replayed failed(int attempts, String error) {
            return new Replayed(true, attempts, error);
        }
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final String subscriber;
    private final int maxAttempts;
    private final IntFunction<Duration> backoffBefore;
    private final DeadLetterStore store;
    private final Runnable counted;
    private final Sleeper sleeper;
    /** Aggregates with an open dead letter ("type/id"). */
    private volatile Set<String> parked = Set.of();

    DeadLetterPolicy(String subscriber, int maxAttempts, IntFunction<Duration> backoffBefore, DeadLetterStore store, Runnable counted,
            Sleeper sleeper) {
        this.subscriber = subscriber;
        this.maxAttempts = maxAttempts;
        this.backoffBefore = backoffBefore;
        this.store = store;
        this.counted = counted;
        this.sleeper = sleeper;
    }

    static String key(OutboxRow row) {
        return row.aggregateType() + "/" + row.aggregateId();
    }

    /** Reads which aggregates are parked. */
    void reload() throws SQLException {
        parked = store.parkedAggregates(subscriber);
    }

    /** Re-reads the parked aggregates if there are any: an operator may have discarded what held them. */
    void refresh() throws SQLException {
        if (!parked.isEmpty()) {
            reload();
        }
    }

    boolean isParked(OutboxRow row) {
        return !parked.isEmpty() && parked.contains(key(row));
    }

    /** Records {@code row} as held back behind an earlier dead letter of its aggregate. */
    void parkBehind(OutboxRow row) throws SQLException {
        store.deadLetter(subscriber, row, 0, "parked behind an earlier dead letter of " + key(row), true);
        counted.run();
    }

    /** A signal that cannot be read as its handler's type: dead-lettered without an attempt. */
    void unreadable(OutboxRow row, Exception e) throws SQLException {
        store.deadLetter(subscriber, row, 0, "cannot read the signal: " + e.getMessage(), false);
        park(key(row));
        counted.run();
    }

    /**
     * Attempts {@code from} up to the subscription's last, each retry after its backoff (and {@code beforeRetry});
     * null on success, else the last error.
     */
    String retry(int from, Attempt attempt, Attempt beforeRetry) throws Exception {
        String error = null;
        for (int n = from; n <= maxAttempts; n++) {
            if (n > 1) {
                sleeper.sleep(backoffBefore.apply(n));
                beforeRetry.run(n);
            }
            error = attempt.run(n);
            if (error == null) {
                return null;
            }
        }
        return error;
    }

    /** After a first attempt failed in a run: the remaining attempts; null on success, else the last error. */
    String afterFirstFailure(String firstError, Attempt attempt, Attempt beforeRetry) throws Exception {
        return maxAttempts > 1 ? retry(2, attempt, beforeRetry) : firstError;
    }

    /** The attempts are used up ({@code error} not null): dead-letters {@code row} and parks its aggregate. */
    void giveUpIfFailed(OutboxRow row, String error) throws SQLException {
        if (error != null) {
            store.deadLetter(subscriber, row, maxAttempts, error, false);
            park(key(row));
            counted.run();
            LOG.warnf("subscriber '%s' gave up on %s #%d after %d attempts: %s", subscriber, row.type(), row.seq(), maxAttempts, error);
        }
    }

    /**
     * An operator's replay: each open dead letter in order, its attempts from the first; one that fails again keeps
     * the later ones of its aggregate parked. Dead letters of signals no longer handled (or gone) are discarded.
     * False if it stopped early because the instance is stopping.
     */
    boolean replay(Replay replay, BooleanSupplier running) throws Exception {
        Set<String> stillFailing = new HashSet<>();
        for (DeadLetterStore.DeadLetter dl : store.deadLetters(subscriber, true, 100_000)) {
            if (!running.getAsBoolean()) {
                return false;
            }
            String key = dl.aggregateType() + "/" + dl.aggregateId();
            if (stillFailing.contains(key)) {
                continue; // keep later signals of this aggregate parked behind the one that still fails
            }
            Optional<OutboxRow> row = store.fetchOne(dl.seq());
            Replayed outcome = row.isEmpty() ? Replayed.NOT_HANDLED : replay.run(row.get());
            if (!outcome.handled()) {
                store.resolveDeadLetter(dl.id(), "DISCARDED");
            } else if (outcome.error() == null) {
                store.resolveDeadLetter(dl.id(), "REPLAYED");
            } else {
                store.failedAgain(dl.id(), outcome.attempts(), outcome.error());
                stillFailing.add(key);
            }
        }
        reload();
        return true;
    }

    private void park(String key) {
        Set<String> next = new HashSet<>(parked);
        next.add(key);
        parked = next;
    }
}
