package network.ohc.care.bus.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An encounter began (became IN_PROGRESS). Type {@code care.encounter.started}, version 1. */
@SignalType(name = "care.encounter.started", version = 1,
        description = "An encounter began (became IN_PROGRESS).")
public record EncounterStarted(Envelope envelope, UUID encounterId, UUID patientId, EncounterClass encounterClass, Instant startedAt) implements DomainSignal {

    public EncounterStarted {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(encounterId, "encounterId");
        Objects.requireNonNull(patientId, "patientId");
    }
}
