package network.ohc.care.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A fresh database per test on the machine's PostgreSQL, and the queries the tests check with. */
final class ItDatabase {
    final String url;
    private final String user = System.getProperty("care.it.db-user", "postgres");

    private ItDatabase(String url) {
        this.url = url;
    }

    /** Databases of this run: CARE_TEST_DB (another checkout's tests running at once) becomes part of their names. */
    static String named(String name) {
        String own = System.getenv("CARE_TEST_DB");
        return own == null || own.isBlank() || own.equals("test") ? name : name + "_" + own.replaceAll("[^a-z0-9_]", "_");
    }

    static ItDatabase fresh(String base) throws Exception {
        String name = named(base);
        String admin = System.getProperty("care.it.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (Connection c = DriverManager.getConnection(admin, System.getProperty("care.it.db-user", "postgres"), "");
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        return new ItDatabase(admin.substring(0, admin.lastIndexOf('/') + 1) + name);
    }

    /** A database made earlier in the run, kept as it is. */
    static ItDatabase existing(String base) {
        String name = named(base);
        String admin = System.getProperty("care.it.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        return new ItDatabase(admin.substring(0, admin.lastIndexOf('/') + 1) + name);
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(url, user, "");
    }

    /** Signal ids in the outbox of the types the sink subscribes to. */
    Set<UUID> outbox() throws Exception {
        return ids("SELECT signal_id FROM core.signal_outbox WHERE type IN ('care.facility.created', 'care.facility.updated', "
                + "'care.location.created', 'care.patient.registered', 'care.encounter.started', 'care.staff.role-granted')");
    }

    /** Signal ids in the outbox of {@code types}. */
    Set<UUID> outboxOf(String... types) throws Exception {
        return ids("SELECT signal_id FROM core.signal_outbox WHERE type IN ('" + String.join("', '", types) + "')");
    }

    Set<UUID> delivered(String subscriber) throws Exception {
        return ids("SELECT signal_id FROM it_sink.delivery WHERE subscriber = '" + subscriber + "'");
    }

    long deliveries(String subscriber) throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM it_sink.delivery WHERE subscriber = '" + subscriber + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Map<String, Long> deliveriesByInstance(String subscriber) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT instance, count(*) FROM it_sink.delivery WHERE subscriber = ? GROUP BY instance")) {
            ps.setString(1, subscriber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** The signal a facility write left: its creation (district null) or the update that set {@code district}. */
    UUID signalOf(String facility, String district) throws Exception {
        String sql = district == null
                ? "SELECT signal_id FROM core.signal_outbox WHERE aggregate_id = ? AND type = 'care.facility.created'"
                : "SELECT signal_id FROM core.signal_outbox WHERE aggregate_id = ? AND type = 'care.facility.updated' AND payload->>'district' = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(facility));
            if (district != null) {
                ps.setString(2, district);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /**
     * Per aggregate, the positions {@code subscriber} received in delivery order, first deliveries only (a redelivery
     * after a crash repeats what followed the last saved position): those that are not ascending.
     */
    Map<UUID, List<Long>> outOfOrder(String subscriber) throws Exception {
        Map<UUID, List<Long>> byAggregate = new HashMap<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT o.aggregate_id, d.seq FROM it_sink.delivery d JOIN core.signal_outbox o ON o.seq = d.seq
                WHERE d.subscriber = ? ORDER BY d.at""")) {
            ps.setString(1, subscriber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Long> seqs = byAggregate.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>());
                    long seq = rs.getLong(2);
                    if (!seqs.contains(seq)) {
                        seqs.add(seq);
                    }
                }
            }
        }
        Map<UUID, List<Long>> out = new HashMap<>();
        byAggregate.forEach((aggregate, seqs) -> {
            for (int k = 1; k < seqs.size(); k++) {
                if (seqs.get(k) < seqs.get(k - 1)) {
                    out.put(aggregate, seqs);
                    return;
                }
            }
        });
        return out;
    }

    private Set<UUID> ids(String sql) throws Exception {
        Set<UUID> out = new HashSet<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        } catch (java.sql.SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // table not there yet
                throw e;
            }
        }
        return out;
    }
}
