package network.ohc.care.plugs.census.contracts;

import java.util.List;
import network.ohc.care.bus.contracts.DomainSignal;

/** Every signal type census publishes (listed, not scanned, so it holds in a native image). */
public final class CensusSignals {
    private CensusSignals() {
    }

    public static List<Class<? extends DomainSignal>> all() {
        return List.of(WardOccupancyChanged.class);
    }
}
