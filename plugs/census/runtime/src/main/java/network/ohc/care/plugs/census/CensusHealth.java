package network.ohc.care.plugs.census;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when census can read its own tables. Named plug-census so GET /api/v1/plugs shows it. */
@Readiness
@ApplicationScoped
public class CensusHealth implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("plug-" + Plug.NAME).up().withData("locations", QuarkusTransaction.requiringNew().call(() -> CensusLocation.count())).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("plug-" + Plug.NAME).down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
