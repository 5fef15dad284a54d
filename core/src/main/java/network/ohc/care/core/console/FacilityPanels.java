package network.ohc.care.core.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import network.ohc.care.core.facility.Facility;

/** Panels shown on the facility page beyond core's own; plugs' contributions join here. */
@ApplicationScoped
public class FacilityPanels {
    /** Rendered HTML of each panel the signed-in user may see. */
    public List<RenderedPanel> render(Facility facility) {
        return List.of();
    }

    @io.quarkus.qute.TemplateData
    public record RenderedPanel(String title, io.quarkus.qute.RawString html) {
    }
}
