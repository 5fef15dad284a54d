package network.ohc.care.plugs.kafkaexport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import network.ohc.care.bus.contracts.cloudevents.KafkaTopics;

/** kafka-export's configuration: plug.kafka-export.* (in plug-config.properties: plug.kafka-export.config.*). */
@ConfigMapping(prefix = "plug.kafka-export")
public interface KafkaExportConfig {
    String PREFIX = "plug.kafka-export.";

    /** host:port[,host:port...] */
    String bootstrapServers();

    /** Signal types to publish, or * for all. */
    @WithDefault("*")
    List<String> types();

    @WithDefault(KafkaTopics.DEFAULT_TOPIC)
    String topic();

    @WithDefault("false")
    boolean topicPerType();

    Optional<String> topicPrefix();

    /** now | beginning: where the subscription starts the first time it runs. */
    @WithDefault("now")
    String startFrom();

    @WithDefault("PT10S")
    Duration ackTimeout();

    @WithDefault("PLAINTEXT")
    String securityProtocol();

    Sasl sasl();

    Ssl ssl();

    default KafkaTopics topics() {
        return topicPerType() ? KafkaTopics.perType(topicPrefix().orElse("")) : KafkaTopics.single(topic());
    }

    interface Sasl {
        Optional<String> mechanism();

        Optional<String> username();

        /** Secret: never printed. */
        Optional<String> password();
    }

    interface Ssl {
        Store truststore();

        Store keystore();
    }

    interface Store {
        Optional<String> location();

        /** Secret: never printed. */
        Optional<String> password();

        @WithDefault("PKCS12")
        String type();
    }
}
