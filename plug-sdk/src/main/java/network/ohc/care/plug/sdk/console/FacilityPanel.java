package network.ohc.care.plug.sdk.console;

import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;

/**
 * A panel a plug adds to the console's facility page. Implement it as an {@code @ApplicationScoped} bean in the plug's
 * runtime module: it is found at build like every other bean, never loaded at run time. Core shows it only to users
 * holding one of {@link #roles()} in the facility (superusers always), the same check as the plug's API should make.
 */
public interface FacilityPanel {
    /** Heading of the panel (plain text; core escapes it). */
    String title();

    /** Roles that may see the panel; use the same set as the plug's API for the data shown. */
    Set<FacilityRole> roles();

    /** The panel's body as an HTML fragment; escape every value with {@link Html#escape(Object)} or a Qute template. */
    String render(UUID facilityId);
}
