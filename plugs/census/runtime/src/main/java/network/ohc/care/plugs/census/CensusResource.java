package network.ohc.care.plugs.census;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import network.ohc.care.bus.contracts.FacilityRole;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bed occupancy of a facility, per ward. Anyone with a role in the facility may read it. */
@Path("/api/v1/plugs/census")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plug: census", description = "Bed occupancy per facility and ward, kept by the census plug from core's signals.")
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
    public FacilityCensus facility(@PathParam("facilityId") UUID facilityId) throws SQLException {
        care.requireRole(facilityId, EnumSet.allOf(FacilityRole.class), "facility " + facilityId);
        List<WardCensus> wards = care.database(CensusSubscriber.NAME).transaction(c -> {
            List<WardCensus> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT w.id, w.name,
                           count(b.id),
                           count(b.id) FILTER (WHERE b.bed_status = 'OCCUPIED'),
                           count(b.id) FILTER (WHERE b.bed_status = 'FREE'),
                           count(b.id) FILTER (WHERE b.bed_status = 'CLEANING'),
                           count(b.id) FILTER (WHERE b.bed_status = 'OUT_OF_SERVICE')
                    FROM location w
                    LEFT JOIN location b ON b.ward_id = w.id AND b.kind = 'BED' AND b.active
                    WHERE w.facility_id = ? AND w.kind = 'WARD' AND w.active
                    GROUP BY w.id, w.name ORDER BY w.name, w.id""")) {
                ps.setObject(1, facilityId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new WardCensus(rs.getObject(1, UUID.class), rs.getString(2),
                                counts(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7))));
                    }
                }
            }
            return out;
        });
        int[] t = new int[5];
        for (WardCensus w : wards) {
            t[0] += w.counts().beds();
            t[1] += w.counts().occupied();
            t[2] += w.counts().free();
            t[3] += w.counts().cleaning();
            t[4] += w.counts().outOfService();
        }
        return new FacilityCensus(facilityId, counts(t[0], t[1], t[2], t[3], t[4]), wards);
    }

    private Counts counts(int beds, int occupied, int free, int cleaning, int outOfService) {
        return new Counts(beds, occupied, free, cleaning, outOfService,
                config.available(free, cleaning));
    }
}
