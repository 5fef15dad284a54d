package network.ohc.care.plugs.census;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.Statement;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when census can read its own tables. Named plug-census so GET /api/v1/plugs shows it. */
@Readiness
@ApplicationScoped
public class CensusHealth implements HealthCheck {
    @Inject
    PlugRuntime care;

    @Override
    public HealthCheckResponse call() {
        try {
            long locations = care.database(CensusSubscriber.NAME).transaction(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM location")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            return HealthCheckResponse.named("plug-census").up().withData("locations", locations).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("plug-census").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
