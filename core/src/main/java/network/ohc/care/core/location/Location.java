package network.ohc.care.core.location;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.LocationKind;
import network.ohc.care.core.common.Audited;

/** A ward, a room in a ward, or a bed in a ward or room. Only beds have a status. */
@Entity
@Table(name = "location")
public class Location extends Audited {
    @Column(name = "facility_id", nullable = false, updatable = false)
    public UUID facilityId;

    @Column(name = "parent_id", updatable = false)
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public LocationKind kind;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "bed_status")
    public BedStatus bedStatus;

    public boolean active = true;

    @Version
    public long version;

    /** The ward this location belongs to (itself for a ward). */
    public UUID wardId() {
        if (kind == LocationKind.WARD) {
            return id;
        }
        Location parent = findById(parentId);
        return parent.kind == LocationKind.WARD ? parent.id : parent.parentId;
    }
}
