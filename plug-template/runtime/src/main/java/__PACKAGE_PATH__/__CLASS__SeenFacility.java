package __PACKAGE__;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A facility this plug has seen created: a row of its own table, in its own persistence unit and schema. */
@Entity
@Table(name = "facility_seen")
public class __CLASS__SeenFacility extends PanacheEntityBase {
    @Id
    @Column(name = "facility_id")
    public UUID facilityId;
    public String name;
    @Column(name = "seen_at")
    public Instant seenAt;
}
