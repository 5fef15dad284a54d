package network.ohc.care.core.patient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.Sex;

/** Request and response bodies of {@code /api/v1/patients}. */
public final class PatientDtos {
    private PatientDtos() {
    }

    static final String PHONE = "\\+?[0-9][0-9 -]{5,18}";

    public record IdentifierInput(@NotBlank @Size(max = 200) String system, @NotBlank @Size(max = 200) String value) {
    }

    /** Give either {@code dateOfBirth} or {@code age} (years), not both. */
    public record RegisterPatient(
            @NotNull UUID facilityId,
            @NotBlank @Size(max = 200) String name,
            @PastOrPresent LocalDate dateOfBirth,
            @Min(0) @Max(150) Integer age,
            @NotNull Sex sex,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = 500) String address,
            @Size(max = 20) List<@Valid @NotNull IdentifierInput> identifiers) {
    }

    /** Fields left out (null) stay as they are; {@code identifiers} are added to the existing ones. */
    public record UpdatePatient(
            @Size(min = 1, max = 200) @jakarta.validation.constraints.Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @PastOrPresent LocalDate dateOfBirth,
            @Min(0) @Max(150) Integer age,
            Sex sex,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = 500) String address,
            Boolean active,
            @Size(max = 20) List<@Valid @NotNull IdentifierInput> identifiers) {
    }

    public record IdentifierView(String system, String value) {
    }

    public record PatientView(UUID id, UUID facilityId, String name, LocalDate dateOfBirth, Integer age, Sex sex, String phone,
            String address, boolean active, List<IdentifierView> identifiers, long version, Instant createdAt, String createdBy,
            Instant updatedAt, String updatedBy) {

        public static PatientView of(Patient p) {
            return new PatientView(p.id, p.facilityId, p.name, p.dateOfBirth, p.age(LocalDate.now()), p.sex, p.phone, p.address,
                    p.active, p.identifiers.stream().map(i -> new IdentifierView(i.system, i.value)).toList(), p.version,
                    p.createdAt, p.createdBy, p.updatedAt, p.updatedBy);
        }
    }
}
