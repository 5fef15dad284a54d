package network.ohc.care.bus.contracts;

import java.util.Objects;
import java.util.UUID;

/** A ward, room or bed was created. {@code bedStatus} is null unless it is a bed. Type {@code care.location.created}, version 1. */
@SignalType(name = "care.location.created", version = 1,
        description = "A ward, room or bed was created; bedStatus is null unless it is a bed.")
public record LocationCreated(Envelope envelope, UUID locationId, UUID parentId, LocationKind kind, String name, BedStatus bedStatus) implements DomainSignal {

    public LocationCreated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(kind, "kind");
    }
}
