package network.ohc.care.core.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * Bounded HTTP metrics: a request no route matched (404, 405, a refused request line, an OPTIONS probe) would be
 * tagged with its raw path, one new series per made-up path (patient ids included). Those all share the uri tag
 * {@code UNMATCHED}; matched requests keep their template ({@code /api/v1/patients/{id}}). Exception names are
 * dropped from the tags.
 */
public class MetricTags {
    static final String UNMATCHED = "UNMATCHED";
    private static final Set<String> UNROUTED = Set.of("400", "404", "405", "406", "413", "414", "415", "431", "501");

    @Produces
    @Singleton
    public MeterFilter boundedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                String uri = id.getTag("uri");
                String status = id.getTag("status");
                String method = id.getTag("method");
                boolean templated = uri != null && (uri.contains("{") || uri.equals("root"));
                boolean unrouted = uri != null && !templated
                        && ((status != null && UNROUTED.contains(status)) || "OPTIONS".equals(method) || !uri.startsWith("/"));
                List<Tag> tags = id.getTags().stream()
                        .filter(t -> !t.getKey().equals("exception"))
                        .map(t -> unrouted && t.getKey().equals("uri") ? Tag.of("uri", UNMATCHED) : t)
                        .toList();
                return id.replaceTags(tags);
            }
        };
    }
}
