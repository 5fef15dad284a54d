package network.ohc.care.plugs.census;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bed occupancy of a facility, per ward. Anyone with a role in the facility may read it. */
@Path(Plug.API)
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plug: " + Plug.NAME, description = "Bed occupancy per facility and ward, kept by the census plug from core's signals.")
public class CensusResource {
    @Inject
    PlugRuntime care;
    @Inject
    CensusConfig config;

    /** Bed counts; {@code available} is free beds, plus beds being cleaned if so configured. */
    public record Counts(int beds, int occupied, int free, int cleaning, int outOfService, int available) {
    }

    public record WardCensus(UUID wardId, String name, Counts counts) {
    }

    public record FacilityCensus(UUID facilityId, Counts total, List<WardCensus> wards) {
    }

    @GET
    @Path("facilities/{facilityId}")
    public FacilityCensus facility(@PathParam("facilityId") UUID facilityId) {
        care.requireRole(facilityId, EnumSet.allOf(FacilityRole.class), "facility " + facilityId);
        List<WardCensus> wards = new ArrayList<>();
        WardCounts total = new WardCounts(0, 0, 0, 0, 0);
        for (CensusLocation ward : CensusLocation.wardsOf(facilityId)) {
            WardCounts n = WardCounts.of(CensusLocation.bedsOf(ward.id));
            wards.add(new WardCensus(ward.id, ward.name, counts(n)));
            total = total.plus(n);
        }
        return new FacilityCensus(facilityId, counts(total), wards);
    }

    private Counts counts(WardCounts n) {
        return new Counts(n.beds(), n.occupied(), n.free(), n.cleaning(), n.outOfService(), config.available(n.free(), n.cleaning()));
    }
}
