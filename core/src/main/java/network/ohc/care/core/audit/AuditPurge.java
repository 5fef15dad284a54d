package network.ohc.care.core.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Removes audit records older than {@code care.audit.retention}, through the one database function allowed to. */
@ApplicationScoped
public class AuditPurge {
    private static final Logger LOG = Logger.getLogger(AuditPurge.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditConfig config;

    @Scheduled(every = "${care.audit.purge-every:6h}", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        long gone = purgeOlderThan(Instant.now().minus(config.retention()));
        if (gone > 0) {
            LOG.infof("audit: %d records older than %s purged", gone, config.retention());
        }
    }

    public long purgeOlderThan(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT core.audit_purge(?)")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
