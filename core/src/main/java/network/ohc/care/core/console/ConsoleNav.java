package network.ohc.care.core.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Navigation items beyond core's own: the plugs' {@code NavItem}s the user may see, pointing under /console/plugs/. */
@ApplicationScoped
public class ConsoleNav {
    @Inject
    PlugContributions plugs;

    public List<Chrome.NavItem> forFacility(UUID facilityId, String currentHref) {
        return plugs.nav(facilityId).stream()
                .map(n -> new Chrome.NavItem(n.label(), n.href(facilityId), n.href(facilityId).equals(currentHref)))
                .filter(n -> n.href().startsWith(ConsoleSession.ROOT + "/plugs/"))
                .toList();
    }
}
