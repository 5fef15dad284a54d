package network.ohc.care.core.console;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import network.ohc.care.core.facility.Facility;

/** Panels shown on the facility page beyond core's own: the plugs' {@code FacilityPanel}s the user may see. */
@ApplicationScoped
public class FacilityPanels {
    @Inject
    PlugContributions plugs;

    /** Rendered HTML of each panel the signed-in user may see. */
    public List<RenderedPanel> render(Facility facility) {
        return plugs.panels(facility.id).stream().map(p -> new RenderedPanel(p.title(), new RawString(p.render(facility.id)))).toList();
    }

    @io.quarkus.qute.TemplateData
    public record RenderedPanel(String title, io.quarkus.qute.RawString html) {
    }
}
