package network.ohc.care.plugs.kafkaexport.tests;

import java.util.Objects;
import java.util.UUID;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.SignalType;

/**
 * A test plug's own signal, shaped like census' {@code census.ward-occupancy-changed}: its contract is this record plus
 * the record list every contract jar carries ({@code META-INF/care/schemas/classes.txt} in the test resources), which is
 * all kafka-export needs to export a plug's type. (census' own contract jar is not used here, so that kafka-export's
 * build needs no other plug.)
 */
@SignalType(name = "tally.ward-tallied", version = 1, description = "A ward's bed counts, as a test plug sees them.")
public record WardTallied(Envelope envelope, UUID wardId, String wardName, int beds, int occupied) implements DomainSignal {

    public WardTallied {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(wardId, "wardId");
    }
}
