package network.ohc.care.core.contracts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import network.ohc.care.bus.contracts.cloudevents.CloudEvents;

/** How this deployment names itself in the CloudEvents its signals become (webhooks, Kafka, the AsyncAPI document). */
@ConfigMapping(prefix = "care.cloudevents")
public interface CloudEventsConfig {
    /**
     * The CloudEvents {@code source} of every signal: a URI naming this Care deployment, e.g.
     * {@code https://care.district.example.org} (env {@code CARE_CLOUDEVENTS_SOURCE}).
     */
    @WithDefault(CloudEvents.DEFAULT_SOURCE)
    String source();
}
