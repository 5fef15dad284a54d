package network.ohc.care.core.encounter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import network.ohc.care.bus.contracts.Disposition;
import network.ohc.care.bus.contracts.EncounterClass;
import network.ohc.care.bus.contracts.EncounterStatus;

/** Request and response bodies of {@code /api/v1/encounters}. */
public final class EncounterDtos {
    private EncounterDtos() {
    }

    /** {@code status} is PLANNED (default) or IN_PROGRESS; the facility is the patient's. */
    public record CreateEncounter(@NotNull UUID patientId, @NotNull EncounterClass encounterClass, EncounterStatus status) {
    }

    public record BedRequest(@NotNull UUID bedId) {
    }

    public record Discharge(@NotNull Disposition disposition, @Size(max = 2000) String notes) {
    }

    public record Cancel(@Size(max = 500) String reason) {
    }

    public record EncounterView(UUID id, UUID patientId, UUID facilityId, EncounterClass encounterClass, EncounterStatus status,
            Instant startedAt, Instant endedAt, UUID currentBedId, Disposition disposition, String dischargeNotes,
            String cancelReason, long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        public static EncounterView of(Encounter e) {
            return new EncounterView(e.id, e.patientId, e.facilityId, e.encounterClass, e.status, e.startedAt, e.endedAt,
                    e.currentBedId, e.disposition, e.dischargeNotes, e.cancelReason, e.version, e.createdAt, e.createdBy,
                    e.updatedAt, e.updatedBy);
        }
    }

    public record BedStayView(UUID id, UUID bedId, String reason, Instant startedAt, Instant endedAt, String createdBy) {
        public static BedStayView of(BedAssignment a) {
            return new BedStayView(a.id, a.bedId, a.reason, a.startedAt, a.endedAt, a.createdBy);
        }
    }
}
