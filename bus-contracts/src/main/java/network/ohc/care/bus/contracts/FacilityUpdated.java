package network.ohc.care.bus.contracts;

import java.util.Objects;
import java.util.UUID;

/** A facility's details or active flag changed. Type {@code care.facility.updated}, version 1. */
@SignalType(name = "care.facility.updated", version = 1,
        description = "A facility's details or active flag changed.")
public record FacilityUpdated(Envelope envelope, UUID facilityId, String name, String kind, String district, String state, boolean active) implements DomainSignal {

    public FacilityUpdated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(facilityId, "facilityId");
    }
}
