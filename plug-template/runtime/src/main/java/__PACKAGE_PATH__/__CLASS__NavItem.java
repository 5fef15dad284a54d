package __PACKAGE__;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.plug.sdk.console.NavItem;

/** Puts the plug's console page in each facility's navigation, for the roles its API serves (here: everyone). */
@ApplicationScoped
public class __CLASS__NavItem implements NavItem {
    @Override
    public String label() {
        return Plug.NAME;
    }

    @Override
    public Set<FacilityRole> roles() {
        return EnumSet.allOf(FacilityRole.class);
    }

    @Override
    public String href(UUID facilityId) {
        return __CLASS__ConsolePage.PAGE;
    }
}
