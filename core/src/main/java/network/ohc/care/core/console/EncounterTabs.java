package network.ohc.care.core.console;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import network.ohc.care.core.encounter.Encounter;

/** Tabs on the encounter page beyond core's own: the plugs' {@code EncounterTab}s the user may see. */
@ApplicationScoped
public class EncounterTabs {
    @Inject
    PlugContributions plugs;

    public List<FacilityPanels.RenderedPanel> render(Encounter encounter) {
        return plugs.tabs(encounter.facilityId).stream()
                .map(t -> new FacilityPanels.RenderedPanel(t.title(), new RawString(t.render(encounter.id, encounter.facilityId)))).toList();
    }
}
