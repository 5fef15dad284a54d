package network.ohc.care.core.staff;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import network.ohc.care.core.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Sign-in refused until {@code wait} has passed: 429 problem+json with Retry-After in seconds. */
public class TooManyAttempts extends RuntimeException {
    private final Duration wait;

    public TooManyAttempts(Duration wait) {
        super("too many failed sign-ins; try again in " + seconds(wait) + " s");
        this.wait = wait;
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response map(TooManyAttempts e, UriInfo uri) {
            return Response.status(429).header("Retry-After", seconds(e.wait)).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", "Too many attempts", 429, e.getMessage(), uri == null ? null : uri.getPath(), null))
                    .build();
        }
    }
}
