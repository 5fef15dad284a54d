package network.ohc.care.plugs.census.contracts;

import java.util.Objects;
import java.util.UUID;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.SignalType;

/**
 * A ward's bed counts after a bed of it changed status, as census sees them. The aggregate is the ward, so a
 * subscriber gets a ward's changes in order. Its envelope carries the actor and correlation id of the core signal
 * that caused it.
 *
 * @param wardId    the ward (a top-level location of the facility)
 * @param wardName  its name when the change happened
 * @param beds      active beds in the ward
 * @param occupied  beds holding a patient
 * @param available beds that can take a patient now (free, plus cleaning where census counts those as available)
 * @param bedId     the bed whose change caused this
 */
@SignalType(name = "census.ward-occupancy-changed", version = 1,
        description = "A ward's bed counts after a bed of it changed status, as census sees them; the aggregate is the ward.")
public record WardOccupancyChanged(Envelope envelope, UUID wardId, String wardName, int beds, int occupied, int available, UUID bedId)
        implements DomainSignal {

    public WardOccupancyChanged {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(bedId, "bedId");
    }
}
