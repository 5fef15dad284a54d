package network.ohc.care.bus.engine;

import java.sql.SQLException;
import java.util.Optional;

/** A subscriber's lease and position, as the store keeps them (see {@link LeaseKeeper}). */
public interface LeaseStore {
    /** The subscription row as read while taking or renewing the lease. */
    record Lease(long position, Long rewindTo, boolean replayRequested) {
    }

    /** Takes or renews the subscriber's lease for {@code owner}; empty if another instance holds it. */
    Optional<Lease> lease(String name, String owner, int seconds) throws SQLException;

    /** Saves progress if {@code owner} still holds the lease (renewing it); false means the lease was lost. */
    boolean savePosition(String name, String owner, long position, long delivered, long failed, String lastError, int leaseSeconds)
            throws SQLException;

    void release(String name, String owner) throws SQLException;

    /** Carries out an operator's rewind if {@code owner} holds the lease. */
    boolean applyRewind(String name, String owner, long position) throws SQLException;

    void clearReplayRequest(String name, String owner) throws SQLException;
}
