package network.ohc.care.core.staff;

import java.util.EnumSet;
import java.util.Set;
import network.ohc.care.bus.contracts.FacilityRole;

/** What a facility role allows. Superusers hold every permission everywhere. */
public enum Permission {
    /** See the facility, its locations, staff, patients and encounters. */
    READ(EnumSet.allOf(FacilityRole.class)),
    /** Edit the facility and its location tree; grant and revoke roles. */
    MANAGE_FACILITY(EnumSet.of(FacilityRole.ADMIN)),
    /** Mark a bed free, cleaning or out of service. */
    SET_BED_STATUS(EnumSet.of(FacilityRole.ADMIN, FacilityRole.NURSE, FacilityRole.STAFF)),
    /** Register and edit patients. */
    REGISTER_PATIENT(EnumSet.allOf(FacilityRole.class)),
    /** Open, start and cancel encounters; admit and transfer. */
    CARE(EnumSet.of(FacilityRole.ADMIN, FacilityRole.DOCTOR, FacilityRole.NURSE)),
    /** Discharge (complete) an encounter. */
    DISCHARGE(EnumSet.of(FacilityRole.ADMIN, FacilityRole.DOCTOR));

    private final Set<FacilityRole> roles;

    Permission(Set<FacilityRole> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(Set<FacilityRole> held) {
        for (FacilityRole r : held) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public Set<FacilityRole> roles() {
        return roles;
    }
}
