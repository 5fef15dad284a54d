package network.ohc.care.bus.contracts;

/** Lifecycle: PLANNED, then IN_PROGRESS, then COMPLETED or CANCELLED. */
public enum EncounterStatus {
    PLANNED, IN_PROGRESS, COMPLETED, CANCELLED
}
