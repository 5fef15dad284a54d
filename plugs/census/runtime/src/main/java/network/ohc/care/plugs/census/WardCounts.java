package network.ohc.care.plugs.census;

import java.util.List;
import network.ohc.care.bus.contracts.BedStatus;

/** Bed counts of a set of beds, by status. */
public record WardCounts(int beds, int occupied, int free, int cleaning, int outOfService) {

    public static WardCounts of(List<CensusLocation> beds) {
        int occupied = 0;
        int free = 0;
        int cleaning = 0;
        int out = 0;
        for (CensusLocation b : beds) {
            if (b.bedStatus == BedStatus.OCCUPIED) {
                occupied++;
            } else if (b.bedStatus == BedStatus.FREE) {
                free++;
            } else if (b.bedStatus == BedStatus.CLEANING) {
                cleaning++;
            } else if (b.bedStatus == BedStatus.OUT_OF_SERVICE) {
                out++;
            }
        }
        return new WardCounts(beds.size(), occupied, free, cleaning, out);
    }

    public WardCounts plus(WardCounts o) {
        return new WardCounts(beds + o.beds, occupied + o.occupied, free + o.free, cleaning + o.cleaning, outOfService + o.outOfService);
    }
}
