package network.ohc.care.bus.contracts;

/** Role a staff member holds in one facility. */
public enum FacilityRole {
    ADMIN, DOCTOR, NURSE, STAFF
}
