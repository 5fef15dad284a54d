package network.ohc.care.bus.contracts;

import java.util.Objects;
import java.util.UUID;

/** A user's role in the envelope's facility was revoked. Type {@code care.staff.role-revoked}, version 1. */
@SignalType(name = "care.staff.role-revoked", version = 1,
        description = "A user's role in the envelope's facility was revoked.")
public record StaffRoleRevoked(Envelope envelope, UUID userId, String username, FacilityRole role) implements DomainSignal {

    public StaffRoleRevoked {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
