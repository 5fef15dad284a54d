package network.ohc.care.bus.contracts;

import java.util.Objects;
import java.util.UUID;

/** A facility was created. Type {@code care.facility.created}, version 1. */
@SignalType(name = "care.facility.created", version = 1,
        description = "A facility was created.")
public record FacilityCreated(Envelope envelope, UUID facilityId, String name, String kind, String district, String state, boolean active) implements DomainSignal {

    public FacilityCreated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(facilityId, "facilityId");
    }
}
