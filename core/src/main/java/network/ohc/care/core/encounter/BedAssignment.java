package network.ohc.care.core.encounter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import network.ohc.care.core.common.Audited;

/** One stay of an encounter in a bed, opened by an admission or a transfer and closed when the patient leaves it. */
@Entity
@Table(name = "bed_assignment")
public class BedAssignment extends Audited {
    @Column(name = "encounter_id", nullable = false, updatable = false)
    public UUID encounterId;

    @Column(name = "facility_id", nullable = false, updatable = false)
    public UUID facilityId;

    @Column(name = "bed_id", nullable = false, updatable = false)
    public UUID bedId;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "started_at", nullable = false, updatable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
