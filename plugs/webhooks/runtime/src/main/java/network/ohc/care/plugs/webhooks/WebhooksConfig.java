package network.ohc.care.plugs.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** webhooks' configuration: plug.webhooks.* (in plug-config.properties: plug.webhooks.config.*). */
@ConfigMapping(prefix = "plug.webhooks")
public interface WebhooksConfig {
    /** Endpoints by id: plug.webhooks.endpoint.&lt;id&gt;.url, .secret, .types. */
    Map<String, Endpoint> endpoint();

    @WithDefault("8")
    int maxAttempts();

    @WithDefault("PT1S")
    Duration backoffInitial();

    @WithDefault("PT5M")
    Duration backoffMax();

    @WithDefault("PT10S")
    Duration timeout();

    @WithDefault("PT0.5S")
    Duration pollInterval();

    @WithDefault("false")
    boolean allowHttp();

    interface Endpoint {
        String url();

        /** The HMAC-SHA256 key. Secret: never printed or returned. */
        String secret();

        /** Signal types to deliver, or * for all. */
        @WithDefault("*")
        List<String> types();

        /** A {@link PayloadFormat} class that shapes the body; the signal's JSON as is when absent. */
        Optional<String> format();

        /**
         * Also send the signal's CloudEvents attributes as {@code ce-*} headers (HTTP binding, binary mode), beside the
         * signature, which stays.
         */
        @WithDefault("false")
        boolean cloudevents();
    }
}
