package network.ohc.care.bus.contracts;

/** Status of a bed. OCCUPIED is set only by admission or transfer. */
public enum BedStatus {
    FREE, OCCUPIED, CLEANING, OUT_OF_SERVICE
}
