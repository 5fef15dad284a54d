package network.ohc.care.core.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem+json before it is read
 * (the server's own limit would close with an empty 413), and a chunked body once it grows past the limit.
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize max;

    void install(@Observes Router router) {
        long limit = max.asLongValue();
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length == null && ctx.request().headers().contains("Transfer-Encoding")) {
                // A chunked body has no length to check up front: read it here, counting, and fail with 413
                // (answered as problem+json by HttpProblems) once it passes the limit.
                chunked.handle(ctx);
                return;
            }
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared > limit) {
                    String body = "{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,\"detail\":\"the body is "
                            + declared + " bytes; the limit is " + limit + "\",\"instance\":\"" + escape(ctx.request().path())
                            + "\",\"errors\":[{\"field\":\"body\",\"message\":\"is too large\"}]}";
                    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                            .end(body);
                    return;
                }
            }
            ctx.next();
        });
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
