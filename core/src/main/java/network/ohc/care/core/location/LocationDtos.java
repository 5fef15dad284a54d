package network.ohc.care.core.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import network.ohc.care.bus.contracts.BedStatus;
import network.ohc.care.bus.contracts.LocationKind;

/** Request and response bodies of {@code /api/v1/facilities/{id}/locations}. */
public final class LocationDtos {
    private LocationDtos() {
    }

    /** A ward has no parent; a room's parent is a ward; a bed's parent is a ward or a room. */
    public record CreateLocation(
            @NotNull LocationKind kind,
            @NotBlank @Size(max = 200) String name,
            UUID parentId,
            BedStatus status) {
    }

    /** Fields left out (null) stay as they are. {@code status} applies to beds only. */
    public record UpdateLocation(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            Boolean active,
            BedStatus status) {
    }

    public record LocationView(UUID id, UUID facilityId, UUID parentId, LocationKind kind, String name, BedStatus status,
            boolean active, long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        public static LocationView of(Location l) {
            return new LocationView(l.id, l.facilityId, l.parentId, l.kind, l.name, l.bedStatus, l.active, l.version,
                    l.createdAt, l.createdBy, l.updatedAt, l.updatedBy);
        }
    }
}
