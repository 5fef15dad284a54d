package network.ohc.care.plug.sdk.console;

import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;

/** A tab a plug adds to the console's encounter page; shown, like {@link FacilityPanel}, behind {@link #roles()}. */
public interface EncounterTab {
    /** Label of the tab (plain text; core escapes it). */
    String title();

    Set<FacilityRole> roles();

    /** The tab's body as an HTML fragment, escaped as for {@link FacilityPanel#render(UUID)}. */
    String render(UUID encounterId, UUID facilityId);
}
