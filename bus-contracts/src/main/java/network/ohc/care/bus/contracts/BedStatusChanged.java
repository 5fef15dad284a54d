package network.ohc.care.bus.contracts;

import java.util.Objects;
import java.util.UUID;

/** A bed's status changed; {@code encounterId} names the encounter that caused it, if any. Type {@code care.bed.status-changed}, version 1. */
@SignalType(name = "care.bed.status-changed", version = 1,
        description = "A bed's status changed; encounterId names the encounter that caused it, if any.")
public record BedStatusChanged(Envelope envelope, UUID bedId, UUID wardId, BedStatus previousStatus, BedStatus status, UUID encounterId) implements DomainSignal {

    public BedStatusChanged {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(bedId, "bedId");
        Objects.requireNonNull(status, "status");
    }
}
