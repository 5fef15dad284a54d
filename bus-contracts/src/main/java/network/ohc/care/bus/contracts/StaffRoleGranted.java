package network.ohc.care.bus.contracts;

import java.util.Objects;
import java.util.UUID;

/** A user was given a role in the envelope's facility. Type {@code care.staff.role-granted}, version 1. */
@SignalType(name = "care.staff.role-granted", version = 1,
        description = "A user was given a role in the envelope's facility.")
public record StaffRoleGranted(Envelope envelope, UUID userId, String username, FacilityRole role) implements DomainSignal {

    public StaffRoleGranted {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
