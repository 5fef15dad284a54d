package network.ohc.care.core.signal;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes {@code X-Correlation-Id} from the request (if well-formed) and returns it on the response. */
public class CorrelationFilter {
    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    Correlation correlation;

    @ServerRequestFilter(preMatching = true)
    public void in(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (given != null && SAFE.matcher(given).matches()) {
            correlation.set(given);
        }
    }

    @ServerResponseFilter
    public void out(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, correlation.id());
    }
}
