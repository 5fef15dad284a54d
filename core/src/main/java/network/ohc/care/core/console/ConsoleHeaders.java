package network.ohc.care.core.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers for every console response, pages and static assets alike: no inline scripts, nothing from outside.
 * Plus {@code Server-Timing: app;dur=<ms>}.
 */
@ApplicationScoped
public class ConsoleHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    void install(@Observes Router router) {
        router.route(ConsoleSession.ROOT + "*").order(-100).handler(ctx -> {
            long started = System.nanoTime();
            // Server time of the page (rendered before its headers go out): read by browsers' dev tools and by
            // ConsoleRenderTimeTest, the documented render-time measurement.
            ctx.addHeadersEndHandler(v -> ctx.response().putHeader("Server-Timing",
                    "app;dur=" + String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6)));
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
