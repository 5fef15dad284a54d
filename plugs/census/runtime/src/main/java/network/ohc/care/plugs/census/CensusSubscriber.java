package network.ohc.care.plugs.census;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatusChanged;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.LocationCreated;
import network.ohc.care.bus.contracts.LocationUpdated;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.PlugDatabase;
import network.ohc.care.plug.sdk.PlugRuntime;
import network.ohc.care.plugs.census.contracts.WardOccupancyChanged;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps census' read model from core's location and bed signals, received on the durable channel {@value #NAME}
 * (connector {@code care-outbox}, types in {@code META-INF/microprofile-config.properties}). Every write is guarded by the signal's position,
 * so redelivery and replay are harmless. When a bed's change is applied, census publishes the ward's new counts as
 * {@link WardOccupancyChanged} (from its own contract jar) in the same transaction.
 */
@ApplicationScoped
public class CensusSubscriber {
    public static final String NAME = "census";

    @Inject
    PlugRuntime care;
    @Inject
    CensusConfig config;

    /** Returning acks the signal (census' position passes it); throwing is a failed attempt, retried, then dead-lettered. */
    @Incoming(NAME)
    public void on(DomainSignal signal, Delivery delivery) throws SQLException {
        if (signal instanceof LocationCreated created) {
            created(created, delivery);
        } else if (signal instanceof LocationUpdated updated) {
            updated(updated, delivery);
        } else if (signal instanceof BedStatusChanged bed) {
            bedStatus(bed, delivery);
        }
    }

    void created(LocationCreated signal, Delivery delivery) throws SQLException {
        care.database(NAME).transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO location (id, facility_id, parent_id, ward_id, kind, name, active, bed_status, position)
                    VALUES (?, ?, ?, ?, ?, ?, true, ?, ?)
                    ON CONFLICT (id) DO NOTHING""")) {
                ps.setObject(1, signal.locationId());
                ps.setObject(2, signal.envelope().facilityId());
                ps.setObject(3, signal.parentId());
                ps.setObject(4, signal.parentId() == null ? signal.locationId() : wardOf(c, signal.parentId()));
                ps.setString(5, signal.kind().name());
                ps.setString(6, signal.name());
                ps.setString(7, signal.bedStatus() == null ? null : signal.bedStatus().name());
                ps.setLong(8, delivery.position());
                ps.executeUpdate();
            }
            return null;
        });
    }

    void updated(LocationUpdated signal, Delivery delivery) throws SQLException {
        care.database(NAME).transaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE location SET parent_id = ?, name = ?, active = ?, position = ?
                    WHERE id = ? AND position < ?""")) {
                ps.setObject(1, signal.parentId());
                ps.setString(2, signal.name());
                ps.setBoolean(3, signal.active());
                ps.setLong(4, delivery.position());
                ps.setObject(5, signal.locationId());
                ps.setLong(6, delivery.position());
                n = ps.executeUpdate();
            }
            if (n > 0) {
                // A moved location takes its subtree to the new ward.
                UUID ward = signal.parentId() == null ? signal.locationId() : wardOf(c, signal.parentId());
                try (PreparedStatement ps = c.prepareStatement("""
                        WITH RECURSIVE sub(id) AS (
                            SELECT ?::uuid UNION ALL SELECT l.id FROM location l JOIN sub ON l.parent_id = sub.id)
                        UPDATE location SET ward_id = ? WHERE id IN (SELECT id FROM sub)""")) {
                    ps.setObject(1, signal.locationId());
                    ps.setObject(2, ward);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    void bedStatus(BedStatusChanged signal, Delivery delivery) throws SQLException {
        PlugDatabase db = care.database(NAME);
        db.transaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE location SET bed_status = ?, encounter_id = ?, position = ?
                    WHERE id = ? AND position < ?""")) {
                ps.setString(1, signal.status().name());
                ps.setObject(2, signal.encounterId());
                ps.setLong(3, delivery.position());
                ps.setObject(4, signal.bedId());
                ps.setLong(5, delivery.position());
                n = ps.executeUpdate();
            }
            if (n > 0) {
                // Only an applied change is published: a redelivered or replayed signal changes nothing, so it says nothing.
                WardOccupancyChanged occupancy = occupancy(c, signal);
                if (occupancy != null) {
                    db.publish(c, occupancy);
                }
            }
            return null;
        });
    }

    /** The counts of the bed's ward as they stand in this transaction; null if the bed is in no ward. */
    private WardOccupancyChanged occupancy(Connection c, BedStatusChanged signal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT w.id, w.name,
                       count(b.id),
                       count(b.id) FILTER (WHERE b.bed_status = 'OCCUPIED'),
                       count(b.id) FILTER (WHERE b.bed_status = 'FREE'),
                       count(b.id) FILTER (WHERE b.bed_status = 'CLEANING')
                FROM location bed
                JOIN location w ON w.id = bed.ward_id AND w.kind = 'WARD'
                LEFT JOIN location b ON b.ward_id = w.id AND b.kind = 'BED' AND b.active
                WHERE bed.id = ?
                GROUP BY w.id, w.name""")) {
            ps.setObject(1, signal.bedId());
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                UUID ward = rs.getObject(1, UUID.class);
                int available = config.available(rs.getInt(5), rs.getInt(6));
                return new WardOccupancyChanged(care.envelope(WardOccupancyChanged.class, "Ward", ward, signal.envelope().facilityId(),
                        signal.envelope()), ward, rs.getString(2), rs.getInt(3), rs.getInt(4), available, signal.bedId());
            }
        }
    }

    private static UUID wardOf(Connection c, UUID locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ward_id FROM location WHERE id = ?")) {
            ps.setObject(1, locationId);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // Core creates a parent before its children and signals arrive in commit order, so this is a bug.
                    throw new SQLException("census has no location " + locationId + " (parent of a new location)");
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
