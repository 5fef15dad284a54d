package network.ohc.care.bus.contracts;

/** Kind of location in a facility's tree: a ward holds rooms and beds, a room holds beds. */
public enum LocationKind {
    WARD, ROOM, BED
}
