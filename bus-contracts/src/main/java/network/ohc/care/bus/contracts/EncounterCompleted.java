package network.ohc.care.bus.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An encounter ended with a discharge; {@code bedId}/{@code wardId} name the bed released, or are null. Type {@code care.encounter.completed}, version 1. */
@SignalType(name = "care.encounter.completed", version = 1,
        description = "An encounter ended with a discharge; bedId and wardId name the bed released, or are null.")
public record EncounterCompleted(Envelope envelope, UUID encounterId, UUID patientId, UUID bedId, UUID wardId, Disposition disposition, Instant completedAt) implements DomainSignal {

    public EncounterCompleted {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(encounterId, "encounterId");
        Objects.requireNonNull(patientId, "patientId");
    }
}
