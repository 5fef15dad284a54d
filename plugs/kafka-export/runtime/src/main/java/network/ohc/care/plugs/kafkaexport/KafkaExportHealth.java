package network.ohc.care.plugs.kafkaexport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The export's state: {@code state} OK, or DEGRADED while the broker does not acknowledge (the export is paused and
 * resumes by itself). Always UP: a broker outage must not take Care out of its load balancer.
 */
@Readiness
@ApplicationScoped
public class KafkaExportHealth implements HealthCheck {
    @Inject
    KafkaPublisher publisher;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("plug-" + Plug.NAME).up()
                .withData("state", publisher.degraded() ? "DEGRADED" : "OK")
                .withData("acked", publisher.acked());
        if (publisher.lastAck() != null) {
            b.withData("lastAck", publisher.lastAck().toString());
        }
        if (publisher.degraded()) {
            b.withData("lastError", String.valueOf(publisher.lastError()));
        }
        return b.build();
    }
}
