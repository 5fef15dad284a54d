package network.ohc.care.core.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Security headers for every console response, pages and static assets alike: no inline scripts, nothing from outside. */
@ApplicationScoped
public class ConsoleHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    void install(@Observes Router router) {
        router.route(ConsoleSession.ROOT + "*").order(-100).handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", CSP)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "same-origin")
                    .putHeader("X-Frame-Options", "DENY");
            if (!ctx.normalizedPath().startsWith(ConsoleSession.ROOT + "/assets/")) {
                ctx.response().putHeader("Cache-Control", "no-store");
            }
            ctx.next();
        });
    }
}
