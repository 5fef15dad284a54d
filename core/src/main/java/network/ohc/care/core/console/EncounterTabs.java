package network.ohc.care.core.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import network.ohc.care.core.encounter.Encounter;

/** Tabs on the encounter page beyond core's own; plugs' contributions join here. */
@ApplicationScoped
public class EncounterTabs {
    public List<FacilityPanels.RenderedPanel> render(Encounter encounter) {
        return List.of();
    }
}
