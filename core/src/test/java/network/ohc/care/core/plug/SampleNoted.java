package network.ohc.care.core.plug;

import java.util.UUID;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.SignalType;

/** A signal of the test's "sample" plug, as a plug would declare it in its own contract jar. */
@SignalType(name = "sample.noted", version = 1)
public record SampleNoted(Envelope envelope, UUID facilityId, String text) implements DomainSignal {
}
