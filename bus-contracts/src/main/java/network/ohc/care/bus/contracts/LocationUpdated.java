package network.ohc.care.bus.contracts;

import java.util.Objects;
import java.util.UUID;

/** A location was renamed, deactivated or reactivated. Type {@code care.location.updated}, version 1. */
@SignalType(name = "care.location.updated", version = 1,
        description = "A location was renamed, moved, deactivated or reactivated.")
public record LocationUpdated(Envelope envelope, UUID locationId, UUID parentId, LocationKind kind, String name, boolean active) implements DomainSignal {

    public LocationUpdated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(kind, "kind");
    }
}
