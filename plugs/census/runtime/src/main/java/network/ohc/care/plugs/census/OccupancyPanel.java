package network.ohc.care.plugs.census;

import static network.ohc.care.plug.sdk.console.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.plug.sdk.console.FacilityPanel;

/** The census on the console's facility page: occupancy per ward, for the same roles as the census API. */
@ApplicationScoped
public class OccupancyPanel implements FacilityPanel {
    @Inject
    CensusResource census;

    @Override
    public String title() {
        return "Occupancy (census)";
    }

    @Override
    public Set<FacilityRole> roles() {
        return EnumSet.allOf(FacilityRole.class);
    }

    @Override
    public String render(UUID facilityId) {
        CensusResource.FacilityCensus c;
        try {
            c = census.facility(facilityId);
        } catch (PersistenceException e) {
            return "<p class=\"error\">The census is not available right now.</p>";
        }
        StringBuilder html = new StringBuilder("<table class=\"census\" data-census-facility=\"").append(escape(facilityId))
                .append("\"><thead><tr><th scope=\"col\">Ward</th><th scope=\"col\">Occupied</th><th scope=\"col\">Available</th>")
                .append("<th scope=\"col\">Beds</th></tr></thead><tbody>");
        for (CensusResource.WardCensus w : c.wards()) {
            row(html, escape(w.name()), w.counts());
        }
        html.append("</tbody><tfoot>");
        row(html, "Total", c.total());
        return html.append("</tfoot></table>").toString();
    }

    private static void row(StringBuilder html, String name, CensusResource.Counts n) {
        html.append("<tr><th scope=\"row\">").append(name).append("</th><td class=\"census-occupied\">").append(n.occupied())
                .append("</td><td class=\"census-available\">").append(n.available()).append("</td><td>").append(n.beds())
                .append("</td></tr>");
    }
}
