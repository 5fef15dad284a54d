package network.ohc.care.plugs.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.ohc.care.plug.sdk.config.Kind;
import network.ohc.care.plug.sdk.config.Secret;

/**
 * webhooks' configuration, under {@link Plug#CONFIG} ({@code plug.webhooks.config.*}, the keys deployers write in
 * plug-config.properties). The plug SDK generates webhooks' config schema from this interface when it is compiled: the
 * first sentence of each javadoc is the setting's description.
 */
@ConfigMapping(prefix = Plug.CONFIG)
public interface WebhooksConfig {
    /** Endpoints by id: endpoint.&lt;id&gt;.url, .secret, .types. */
    Map<String, Endpoint> endpoint();

    /** Attempts per delivery before it is marked FAILED. */
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

    /** Allow plain http:// endpoints (for tests and closed networks only). */
    @WithDefault("false")
    boolean allowHttp();

    interface Endpoint {
        /** Where to POST (https://; http:// only with allow-http=true). */
        @Kind("url")
        String url();

        /** HMAC-SHA256 key for the X-Care-Signature header; give it as ${ENV_VAR}. Never printed or returned. */
        @Secret
        String secret();

        /** Comma-separated signal types (care.encounter.patient-admitted, ...) or * for all. */
        @WithDefault("*")
        List<String> types();

        /**
         * A PayloadFormat class on the deployment's class path that shapes the body (the signal's JSON when unset). See
         * {@link PayloadFormat}.
         */
        @Kind("class")
        Optional<String> format();

        /**
         * Also send CloudEvents ce-* headers (HTTP binding, binary mode); source from care.cloudevents.source. The signature
         * stays.
         */
        @WithDefault("false")
        boolean cloudevents();
    }
}
