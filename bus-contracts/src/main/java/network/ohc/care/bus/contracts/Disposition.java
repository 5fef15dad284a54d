package network.ohc.care.bus.contracts;

/** Where a patient went at discharge. */
public enum Disposition {
    HOME, REFERRED, AGAINST_ADVICE, DECEASED, OTHER
}
