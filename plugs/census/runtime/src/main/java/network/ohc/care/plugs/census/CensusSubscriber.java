package network.ohc.care.plugs.census;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatusChanged;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.LocationCreated;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.bus.contracts.LocationUpdated;
import network.ohc.care.plug.sdk.Delivery;
import network.ohc.care.plug.sdk.PlugRuntime;
import network.ohc.care.plugs.census.contracts.WardOccupancyChanged;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps census' read model ({@link CensusLocation}) from core's location and bed signals, received on the durable
 * channel {@code census} (connector {@code care-outbox}, types in {@code META-INF/microprofile-config.properties}).
 * Every write is guarded by the signal's position, so redelivery and replay are harmless. When a bed's change is
 * applied, census publishes the ward's new counts as {@link WardOccupancyChanged} (from its own contract jar) in the
 * same transaction.
 */
@ApplicationScoped
public class CensusSubscriber {
    @Inject
    PlugRuntime care;
    @Inject
    CensusConfig config;

    /** Returning acks the signal (census' position passes it); throwing is a failed attempt, retried, then dead-lettered. */
    @Incoming("census")
    @Transactional
    public void on(DomainSignal signal, Delivery delivery) {
        if (signal instanceof LocationCreated created) {
            created(created, delivery.position());
        } else if (signal instanceof LocationUpdated updated) {
            updated(updated, delivery.position());
        } else if (signal instanceof BedStatusChanged bed) {
            bedStatus(bed, delivery.position());
        }
    }

    void created(LocationCreated signal, long position) {
        if (CensusLocation.findById(signal.locationId()) != null) {
            return;
        }
        CensusLocation l = new CensusLocation();
        l.id = signal.locationId();
        l.facilityId = signal.envelope().facilityId();
        l.parentId = signal.parentId();
        l.wardId = signal.parentId() == null ? signal.locationId() : wardOf(signal.parentId());
        l.kind = signal.kind();
        l.name = signal.name();
        l.active = true;
        l.bedStatus = signal.bedStatus();
        l.position = position;
        l.persist();
    }

    void updated(LocationUpdated signal, long position) {
        CensusLocation l = CensusLocation.findById(signal.locationId());
        if (l == null || l.position >= position) {
            return;
        }
        l.parentId = signal.parentId();
        l.name = signal.name();
        l.active = signal.active();
        l.position = position;
        // A moved location takes its subtree to the new ward.
        UUID ward = signal.parentId() == null ? l.id : wardOf(signal.parentId());
        CensusLocation.flush();
        CensusLocation.getEntityManager().createNativeQuery("""
                WITH RECURSIVE sub(id) AS (
                    SELECT cast(?1 AS uuid) UNION ALL SELECT l.id FROM location l JOIN sub ON l.parent_id = sub.id)
                UPDATE location SET ward_id = ?2 WHERE id IN (SELECT id FROM sub)""")
                .setParameter(1, l.id).setParameter(2, ward).executeUpdate();
    }

    void bedStatus(BedStatusChanged signal, long position) {
        CensusLocation bed = CensusLocation.findById(signal.bedId());
        if (bed == null || bed.position >= position) {
            // Only an applied change is published: a redelivered or replayed signal changes nothing, so it says nothing.
            return;
        }
        bed.bedStatus = signal.status();
        bed.encounterId = signal.encounterId();
        bed.position = position;
        CensusLocation ward = bed.wardId == null ? null : CensusLocation.findById(bed.wardId);
        if (ward == null || ward.kind != LocationKind.WARD) {
            return;
        }
        CensusLocation.flush();
        WardCounts n = WardCounts.of(CensusLocation.bedsOf(ward.id));
        care.publish(new WardOccupancyChanged(care.envelope(WardOccupancyChanged.class, "Ward", ward.id,
                signal.envelope().facilityId(), signal.envelope()), ward.id, ward.name, n.beds(), n.occupied(),
                config.available(n.free(), n.cleaning()), signal.bedId()));
    }

    private static UUID wardOf(UUID locationId) {
        CensusLocation parent = CensusLocation.findById(locationId);
        if (parent == null) {
            // Core creates a parent before its children and signals arrive in commit order, so this is a bug.
            throw new IllegalStateException("census has no location " + locationId + " (parent of a new location)");
        }
        return parent.wardId;
    }
}
