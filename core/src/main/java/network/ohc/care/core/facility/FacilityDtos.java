package network.ohc.care.core.facility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/facilities}. */
public final class FacilityDtos {
    private FacilityDtos() {
    }

    public record CreateFacility(
            @NotBlank @Size(max = 200) String name,
            @NotNull FacilityKind kind,
            @Size(max = 500) String address,
            @Size(max = 120) String district,
            @Size(max = 120) String state) {
    }

    /** Fields left out (null) stay as they are. */
    public record UpdateFacility(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            FacilityKind kind,
            @Size(max = 500) String address,
            @Size(max = 120) String district,
            @Size(max = 120) String state,
            Boolean active) {
    }

    public record FacilityView(UUID id, String name, FacilityKind kind, String address, String district, String state,
            boolean active, long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        public static FacilityView of(Facility f) {
            return new FacilityView(f.id, f.name, f.kind, f.address, f.district, f.state, f.active, f.version, f.createdAt,
                    f.createdBy, f.updatedAt, f.updatedBy);
        }
    }
}
