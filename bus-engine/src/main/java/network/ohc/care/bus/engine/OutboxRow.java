package network.ohc.care.bus.engine;

import java.time.Instant;
import java.util.UUID;

/** One committed signal as stored in the outbox, with the reading statement's snapshot bounds. */
public record OutboxRow(long seq, UUID signalId, String type, int schemaVersion, String aggregateType, UUID aggregateId, Instant occurredAt,
        String payload, long snapshotXmin, long snapshotXmax) {

    /** Type and version, as handlers are keyed. */
    String key() {
        return TypeKeys.of(type, schemaVersion);
    }
}
