package network.ohc.care.bus.engine;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Dead letters, as the store keeps them (see {@link DeadLetterPolicy}). */
public interface DeadLetterStore {
    record DeadLetter(long id, String subscriber, long seq, UUID signalId, String type, String aggregateType, UUID aggregateId,
            int attempts, String error, boolean parked, String status, Instant createdAt) {
    }

    /** Records (or re-opens) a subscriber's dead letter for {@code row}. */
    void deadLetter(String subscriber, OutboxRow row, int attempts, String error, boolean parked) throws SQLException;

    /** Aggregates ("type/id") with an open dead letter: their later signals are parked behind it. */
    Set<String> parkedAggregates(String subscriber) throws SQLException;

    List<DeadLetter> deadLetters(String subscriber, boolean openOnly, int limit) throws SQLException;

    Optional<OutboxRow> fetchOne(long seq) throws SQLException;

    void resolveDeadLetter(long id, String status) throws SQLException;

    void failedAgain(long id, int attempts, String error) throws SQLException;
}
