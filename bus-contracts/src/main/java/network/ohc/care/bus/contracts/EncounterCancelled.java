package network.ohc.care.bus.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An encounter was cancelled (entered in error, or never took place). Type {@code care.encounter.cancelled}, version 1. */
@SignalType(name = "care.encounter.cancelled", version = 1,
        description = "An encounter was cancelled (entered in error, or never took place).")
public record EncounterCancelled(Envelope envelope, UUID encounterId, UUID patientId, String reason, Instant cancelledAt) implements DomainSignal {

    public EncounterCancelled {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(encounterId, "encounterId");
        Objects.requireNonNull(patientId, "patientId");
    }
}
