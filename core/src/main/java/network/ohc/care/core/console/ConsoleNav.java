package network.ohc.care.core.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Navigation items beyond core's own; plugs' contributions join here. */
@ApplicationScoped
public class ConsoleNav {
    public List<Chrome.NavItem> forFacility(UUID facilityId, String currentHref) {
        return List.of();
    }
}
