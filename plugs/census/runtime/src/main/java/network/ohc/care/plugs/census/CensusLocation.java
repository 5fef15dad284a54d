package network.ohc.care.plugs.census;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.LocationKind;

/**
 * census' copy of a location core told it about (table {@code plug_census.location}, in census' persistence unit): the
 * ward it belongs to and, for a bed, its status. {@code position} is the outbox position of the last signal applied,
 * so an older signal, redelivered or replayed, never overwrites newer state.
 */
@Entity
@Table(name = "location")
public class CensusLocation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "facility_id", nullable = false)
    public UUID facilityId;
    @Column(name = "parent_id")
    public UUID parentId;
    @Column(name = "ward_id")
    public UUID wardId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LocationKind kind;
    @Column(nullable = false)
    public String name;
    public boolean active;
    @Enumerated(EnumType.STRING)
    @Column(name = "bed_status")
    public BedStatus bedStatus;
    @Column(name = "encounter_id")
    public UUID encounterId;
    public long position;

    /** The active beds of a ward. */
    public static List<CensusLocation> bedsOf(UUID wardId) {
        return list("wardId = ?1 and kind = ?2 and active = true", wardId, LocationKind.BED);
    }

    /** The active wards of a facility, by name. */
    public static List<CensusLocation> wardsOf(UUID facilityId) {
        return list("facilityId = ?1 and kind = ?2 and active = true order by name, id", facilityId, LocationKind.WARD);
    }
}
