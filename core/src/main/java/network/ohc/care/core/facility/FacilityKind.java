package network.ohc.care.core.facility;

/** What kind of place a facility is. */
public enum FacilityKind {
    HOSPITAL, CLINIC, PRIMARY_HEALTH_CENTRE, COMMUNITY_HEALTH_CENTRE, LAB, OTHER
}
