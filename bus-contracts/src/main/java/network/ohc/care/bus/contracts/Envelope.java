package network.ohc.care.bus.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every signal carries besides its payload.
 *
 * @param signalId      unique, time-ordered (UUIDv7) id; use it to make handlers idempotent
 * @param type          the signal's type name, e.g. {@code care.encounter.patient-admitted}
 * @param schemaVersion version of the payload schema for this type (starts at 1)
 * @param occurredAt    when the change happened (commit order may differ by a few milliseconds)
 * @param aggregateType the kind of record that changed, e.g. {@code Encounter}
 * @param aggregateId   the id of that record; signals of one aggregate are delivered in order
 * @param facilityId    the facility the record belongs to, or null
 * @param actor         username of who made the change, or {@code system}
 * @param correlationId id shared by all signals caused by one request, or null
 */
public record Envelope(UUID signalId, String type, int schemaVersion, Instant occurredAt, String aggregateType, UUID aggregateId,
        UUID facilityId, String actor, String correlationId) {

    public Envelope {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more, was " + schemaVersion);
        }
    }
}
