package network.ohc.care.core.http;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Liveness and readiness on the public port, status only ({"status":"UP"}, 200, or DOWN, 503): orchestrators and
 * load balancers need them, nobody else needs the checks' details, which stay on the management interface
 * (loopback by default) with /q/metrics.
 */
@ApplicationScoped
public class PublicHealth {
    @Inject
    SmallRyeHealthReporter reporter;

    void install(@Observes Router router) {
        router.get("/q/health").blockingHandler(ctx -> answer(ctx, reporter::getHealth));
        router.get("/q/health/live").blockingHandler(ctx -> answer(ctx, reporter::getLiveness));
        router.get("/q/health/ready").blockingHandler(ctx -> answer(ctx, reporter::getReadiness));
        router.get("/q/health/started").blockingHandler(ctx -> answer(ctx, reporter::getStartup));
    }

    private static void answer(RoutingContext ctx, Supplier<SmallRyeHealth> check) {
        boolean up = !check.get().isDown();
        ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
