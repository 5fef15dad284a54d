package network.ohc.care.core.plug;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fingerprints of the migrations last applied to plug schemas ({@code core.migration_fingerprint}). A schema is
 * up to date when its stored fingerprint is the build's and its Flyway history is as it was when that was recorded
 * (same last rank, no failed row); anything else, an error included, leaves the schema to Flyway.
 */
final class MigratedSchemas {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private MigratedSchemas() {
    }

    /** The schemas of {@code fingerprints} (schema to fingerprint) that are up to date, in one query. */
    static Set<String> upToDate(Connection c, Map<String, String> fingerprints) {
        List<String> schemas = new ArrayList<>(fingerprints.keySet());
        if (schemas.isEmpty() || !schemas.stream().allMatch(s -> IDENTIFIER.matcher(s).matches())) {
            return Set.of();
        }
        StringBuilder history = new StringBuilder();
        for (String s : schemas) {
            history.append(history.isEmpty() ? "" : " UNION ALL ")
                    .append("SELECT '").append(s).append("' AS schema_name, ?::varchar AS fingerprint, ")
                    .append("(SELECT coalesce(max(installed_rank), 0) FROM ").append(s).append(".flyway_schema_history) AS history_rank, ")
                    .append("(SELECT count(*) FROM ").append(s).append(".flyway_schema_history WHERE NOT success) AS failed");
        }
        String sql = "SELECT f.schema_name FROM core.migration_fingerprint f JOIN (" + history + ") h USING (schema_name) "
                + "WHERE f.fingerprint = h.fingerprint AND f.history_rank = h.history_rank AND h.failed = 0";
        Set<String> current = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < schemas.size(); i++) {
                ps.setString(i + 1, fingerprints.get(schemas.get(i)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    current.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            return Set.of(); // a schema or history table missing, say: Flyway will tell
        }
        return current;
    }

    /** Records {@code fingerprint} for {@code schema}, just migrated by Flyway, with its history's last rank. */
    static void record(Connection c, String schema, String fingerprint) throws SQLException {
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO core.migration_fingerprint (schema_name, fingerprint, history_rank) "
                + "SELECT ?, ?, coalesce(max(installed_rank), 0) FROM " + schema + ".flyway_schema_history "
                + "ON CONFLICT (schema_name) DO UPDATE SET fingerprint = excluded.fingerprint, history_rank = excluded.history_rank, "
                + "recorded_at = now()")) {
            ps.setString(1, schema);
            ps.setString(2, fingerprint);
            ps.executeUpdate();
        }
    }
}
