package network.ohc.care.core.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * HTTP-level refusals (path too long, bad percent-encoding, body over the limit while streaming, ...) answered as
 * problem+json like every API error (only requests the HTTP decoder cannot frame, such as a garbage request line or a
 * non-numeric Content-Length, get Vert.x's bare 400 and a closed connection: Quarkus offers no hook there), and {@code Cache-Control: no-store} on every response: they carry tokens
 * or patient data, which no browser or proxy may keep.
 */
@ApplicationScoped
public class HttpProblems {
    private static final Logger LOG = Logger.getLogger(HttpProblems.class);
    /** Longest request target accepted; the server reads lines up to quarkus.http.limits.max-initial-line-length. */
    static final int MAX_URI = 4096;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerResponse response = ctx.response();
            ctx.addHeadersEndHandler(v -> {
                if (!response.headers().contains("Cache-Control")) {
                    response.putHeader("Cache-Control", "no-store");
                }
            });
            if (ctx.request().uri().length() > MAX_URI) {
                send(ctx, 414, "URI too long", "the request path and query must be at most " + MAX_URI + " characters", "uri");
                return;
            }
            String invalid = RequestTarget.invalidField(ctx.request().uri());
            if (invalid != null) {
                send(ctx, 400, "Invalid request", "not a valid URI: check the percent-encoding (%XX, two hex digits)", invalid);
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode();
        Throwable failure = ctx.failure();
        if (status >= 400 && status < 500) {
            switch (status) {
                case 400 -> send(ctx, 400, "Invalid request", "the request is malformed (check its percent-encoding and headers)",
                        "request");
                case 413 -> send(ctx, 413, "Request too large", "the body is over the limit", "body");
                case 414 -> send(ctx, 414, "URI too long", "the request path and query are too long", "uri");
                case 431 -> send(ctx, 431, "Request header fields too large", "the request headers are too large", "headers");
                default -> ctx.next();
            }
            return;
        }
        if (failure instanceof IllegalArgumentException) {
            // Vert.x decoding a malformed path or query (e.g. %ZZ) throws this before any resource runs.
            send(ctx, 400, "Invalid request", "the request is malformed (check its percent-encoding)", "request");
            return;
        }
        ctx.next();
    }

    static void send(RoutingContext ctx, int status, String title, String detail, String field) {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + detail + "\"}]}";
        HttpServerResponse response = ctx.response();
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json");
        if (status == 413 || status == 414 || status == 431) {
            response.putHeader("Connection", "close");
        }
        response.end(body);
        LOG.debugf("refused %s with %d", ctx.request().method(), status);
    }
}
