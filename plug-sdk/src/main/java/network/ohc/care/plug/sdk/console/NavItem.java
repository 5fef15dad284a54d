package network.ohc.care.plug.sdk.console;

import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;

/**
 * A navigation item a plug adds to the console's facility navigation, usually pointing at one of the plug's own pages
 * under {@code /console/plugs/<plug>/}. Shown only to users holding one of {@link #roles()} in the facility.
 */
public interface NavItem {
    /** Label (plain text; core escapes it). */
    String label();

    Set<FacilityRole> roles();

    /** Where it leads for this facility; must start with {@code /console/plugs/}. */
    String href(UUID facilityId);
}
