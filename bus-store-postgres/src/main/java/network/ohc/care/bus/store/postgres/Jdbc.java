package network.ohc.care.bus.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one place the bus store opens a connection, binds parameters and reads rows. Each call is its own
 * autocommit statement on a pooled connection.
 */
final class Jdbc {
    /** Reads the current row of a result set. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface WithStatement<T> {
        T apply(PreparedStatement ps) throws SQLException, InterruptedException;
    }

    private final DataSource db;

    Jdbc(DataSource db) {
        this.db = db;
    }

    /** Every row {@code sql} returns with {@code params} bound in order. */
    <T> List<T> list(String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(reader.read(rs));
            }
            return out;
        }
    }

    /** The first row {@code sql} returns, if any. */
    <T> Optional<T> first(String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
        }
    }

    /** A single long (a count, a position): the first column of the first row. */
    long oneLong(String sql, Object... params) throws SQLException {
        return first(sql, rs -> rs.getLong(1), params).orElseThrow();
    }

    /** Runs an INSERT/UPDATE/DELETE; how many rows it changed. */
    int update(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** A statement prepared once and used as {@code body} likes, on one connection. */
    <T> T withStatement(String sql, WithStatement<T> body) throws SQLException, InterruptedException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return body.apply(ps);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int i, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR); // the store's only nullable parameters are texts
        } else if (value instanceof Instant instant) {
            ps.setTimestamp(i, Timestamp.from(instant));
        } else {
            ps.setObject(i, value); // Long, Integer, Boolean, String, UUID: the driver's own mapping
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
