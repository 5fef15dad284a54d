package network.ohc.care.core.console;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The payloads of signals still kept in the outbox, by position, for the dead-letter page. A signal pruned by
 * {@code care.bus.retention} has none. Read-only, one statement for a whole page.
 */
@ApplicationScoped
public class SignalPayloads {
    @Inject
    AgroalDataSource db;

    public Map<Long, String> byPosition(Collection<Long> positions) throws SQLException {
        Map<Long, String> found = new HashMap<>();
        if (positions.isEmpty()) {
            return found;
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq, payload::text FROM core.signal_outbox WHERE seq = ANY (?)")) {
            Array array = c.createArrayOf("bigint", positions.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return found;
    }
}
