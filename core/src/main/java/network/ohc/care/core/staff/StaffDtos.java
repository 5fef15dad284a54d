package network.ohc.care.core.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;

/** Request and response bodies of the auth, user and staff-role endpoints. */
public final class StaffDtos {
    private StaffDtos() {
    }

    public record Login(@NotBlank @Size(max = 150) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** {@code expiresIn} and {@code refreshExpiresIn} in seconds. */
    public record Token(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    public record CreateUser(
            @NotBlank @Size(min = 3, max = 150) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may hold letters, digits and . _ @ - only") String username,
            @NotBlank @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 200) String fullName,
            Boolean superuser) {
    }

    /** {@code currentPassword} is required when users change their own password. */
    public record UpdateUser(@Size(min = 1, max = 200) String fullName, @Size(min = 10, max = 200) String password, Boolean active,
            @Size(max = 200) String currentPassword) {
    }

    public record GrantRole(@NotNull UUID userId, @NotNull FacilityRole role) {
    }

    public record RoleView(UUID facilityId, FacilityRole role) {
    }

    public record UserView(UUID id, String username, String fullName, boolean superuser, boolean active, List<RoleView> roles,
            Instant createdAt, String createdBy) {

        public static UserView of(StaffUser u, List<FacilityRoleGrant> grants) {
            return new UserView(u.id, u.username, u.fullName, u.superuser, u.active,
                    grants.stream().map(g -> new RoleView(g.facilityId, g.role)).toList(), u.createdAt, u.createdBy);
        }
    }

    public record StaffMemberView(UUID grantId, UUID userId, String username, String fullName, FacilityRole role, Instant grantedAt,
            String grantedBy) {
    }
}
