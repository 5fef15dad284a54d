package network.ohc.care.bus.contracts;

/** Administrative sex of a patient. */
public enum Sex {
    MALE, FEMALE, OTHER, UNKNOWN
}
