package network.ohc.care.bus.engine;

import java.sql.SQLException;
import java.util.List;

/** The outbox as {@link OutboxFeed} reads it (a part of {@link BusStore}). */
public interface OutboxLog {
    /**
     * Up to {@code limit} signals after {@code after}, in position order, each row carrying the snapshot bounds of
     * this very read (see {@link OutboxCursor} for why).
     */
    List<OutboxRow> fetch(long after, int limit) throws SQLException;

    /** Up to {@code limit} signals after {@code after} and up to {@code upTo} (a position known to be final), in order. */
    List<OutboxRow> fetchUpTo(long after, long upTo, int limit) throws SQLException;

    /**
     * A position at or below which the outbox is final: the highest visible position, once every transaction that was
     * running when it was read has ended (any of them may hold a lower position; later ones draw higher ones).
     */
    long finalHead() throws SQLException, InterruptedException;

    /** A new transaction id: greater than every id assigned before this call (it consumes one id). */
    long xidBound() throws SQLException;
}
