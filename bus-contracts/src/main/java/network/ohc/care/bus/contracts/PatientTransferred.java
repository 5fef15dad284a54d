package network.ohc.care.bus.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A patient moved from one bed to another. Type {@code care.encounter.patient-transferred}, version 1. */
@SignalType(name = "care.encounter.patient-transferred", version = 1,
        description = "A patient moved from one bed to another.")
public record PatientTransferred(Envelope envelope, UUID encounterId, UUID patientId, UUID fromBedId, UUID fromWardId, UUID toBedId, UUID toWardId, Instant transferredAt) implements DomainSignal {

    public PatientTransferred {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(encounterId, "encounterId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(fromBedId, "fromBedId");
        Objects.requireNonNull(toBedId, "toBedId");
    }
}
