package network.ohc.care.bus.contracts;

/** Class of an encounter. */
public enum EncounterClass {
    INPATIENT, OUTPATIENT, EMERGENCY
}
