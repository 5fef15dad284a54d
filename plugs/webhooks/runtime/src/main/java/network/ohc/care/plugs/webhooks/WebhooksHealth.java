package network.ohc.care.plugs.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.Statement;
import network.ohc.care.plug.sdk.PlugRuntime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the queue can be read. A failing receiver is reported in the data, not as DOWN: a remote system's
 * outage must not take Care out of its load balancer.
 */
@Readiness
@ApplicationScoped
public class WebhooksHealth implements HealthCheck {
    @Inject
    PlugRuntime care;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("plug-" + Plug.NAME);
        try {
            return care.database().transaction(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                        SELECT (SELECT count(*) FROM delivery WHERE status = 'PENDING'),
                               (SELECT count(*) FROM delivery WHERE status = 'FAILED'),
                               (SELECT count(*) FROM endpoint_state WHERE consecutive_failures > 0)""")) {
                    rs.next();
                    return b.up().withData("pending", rs.getLong(1)).withData("failed", rs.getLong(2))
                            .withData("failingEndpoints", rs.getLong(3)).build();
                }
            });
        } catch (Exception e) {
            return b.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
