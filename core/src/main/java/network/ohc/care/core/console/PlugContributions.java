package network.ohc.care.core.console;

import io.quarkus.arc.All;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.core.staff.Access;
import network.ohc.care.plug.sdk.console.EncounterTab;
import network.ohc.care.plug.sdk.console.FacilityPanel;
import network.ohc.care.plug.sdk.console.NavItem;

/**
 * The console contributions of the plugs in the image: beans implementing the SDK's console interfaces, found at build
 * (no run-time loading), each shown only to users holding one of its roles in the facility (superusers always).
 */
@RequestScoped
public class PlugContributions {
    @Inject
    @All
    List<FacilityPanel> panels;
    @Inject
    @All
    List<EncounterTab> tabs;
    @Inject
    @All
    List<NavItem> nav;
    @Inject
    Access access;

    boolean allowed(UUID facilityId, Set<FacilityRole> roles) {
        return access.superuser() || !Collections.disjoint(access.rolesIn(facilityId), roles);
    }

    List<FacilityPanel> panels(UUID facilityId) {
        return panels.stream().filter(p -> allowed(facilityId, p.roles())).toList();
    }

    List<EncounterTab> tabs(UUID facilityId) {
        return tabs.stream().filter(t -> allowed(facilityId, t.roles())).toList();
    }

    List<NavItem> nav(UUID facilityId) {
        return nav.stream().filter(n -> allowed(facilityId, n.roles())).toList();
    }
}
