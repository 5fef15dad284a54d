package network.ohc.care.core.encounter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import network.ohc.care.bus.contracts.Disposition;
import network.ohc.care.bus.contracts.EncounterClass;
import network.ohc.care.bus.contracts.EncounterStatus;
import network.ohc.care.core.common.Audited;

/** A patient's visit or stay at a facility: PLANNED, then IN_PROGRESS, then COMPLETED or CANCELLED. */
@Entity
@Table(name = "encounter")
public class Encounter extends Audited {
    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "facility_id", nullable = false, updatable = false)
    public UUID facilityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "encounter_class", nullable = false)
    public EncounterClass encounterClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EncounterStatus status;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "current_bed_id")
    public UUID currentBedId;

    @Enumerated(EnumType.STRING)
    public Disposition disposition;

    @Column(name = "discharge_notes")
    public String dischargeNotes;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Version
    public long version;
}
