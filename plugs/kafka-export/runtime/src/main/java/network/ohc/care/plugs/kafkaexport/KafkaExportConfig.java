package network.ohc.care.plugs.kafkaexport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import network.ohc.care.bus.contracts.cloudevents.KafkaTopics;
import network.ohc.care.plug.sdk.config.Kind;
import network.ohc.care.plug.sdk.config.RequiredWith;
import network.ohc.care.plug.sdk.config.Secret;

/**
 * kafka-export's configuration, under {@link Plug#CONFIG} ({@code plug.kafka-export.config.*}, the keys deployers write
 * in plug-config.properties). The plug SDK generates kafka-export's config schema from this interface when it is
 * compiled: the first sentence of each javadoc is the setting's description.
 */
@ConfigMapping(prefix = Plug.CONFIG)
public interface KafkaExportConfig {
    /** The prefix of every key, with its dot. */
    String PREFIX = Plug.CONFIG + ".";

    /** The brokers, host:port[,host:port...]. */
    @Kind("host-ports")
    String bootstrapServers();

    /**
     * Comma-separated signal types to publish, core's (care.encounter.patient-admitted, ...) or of a plug in the build
     * (census.ward-occupancy-changed), or * for all.
     */
    @Kind("signal-types")
    @WithDefault("*")
    List<String> types();

    /** The one topic of every exported signal (topic-per-type=false). */
    @WithDefault(KafkaTopics.DEFAULT_TOPIC)
    String topic();

    /** A topic per type and version, &lt;topic-prefix&gt;&lt;type&gt;.v&lt;version&gt;, instead of one topic. */
    @WithDefault("false")
    boolean topicPerType();

    /** Prefix of every topic when topic-per-type=true (may be empty). */
    Optional<String> topicPrefix();

    /** now (signals committed from the first start on) or beginning (every signal recorded). */
    @WithDefault("now")
    String startFrom();

    /** How long one signal waits for the broker's acknowledgement before it is retried. */
    @WithDefault("PT10S")
    Duration ackTimeout();

    /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
    @WithDefault("PLAINTEXT")
    String securityProtocol();

    Sasl sasl();

    Ssl ssl();

    default KafkaTopics topics() {
        return topicPerType() ? KafkaTopics.perType(topicPrefix().orElse("")) : KafkaTopics.single(topic());
    }

    interface Sasl {
        /** PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (with a SASL_* security-protocol). */
        Optional<String> mechanism();

        @RequiredWith("mechanism")
        Optional<String> username();

        /** The SASL password; give it as ${ENV_VAR}. Never printed. */
        @Secret
        @RequiredWith("mechanism")
        Optional<String> password();
    }

    interface Ssl {
        /** Trust store (PKCS12 or JKS) with the brokers' CA, for SSL and SASL_SSL. */
        Store truststore();

        /** Key store with Care's client certificate, for brokers that want mutual TLS. */
        Store keystore();
    }

    interface Store {
        /** The store's file (PKCS12 or JKS). */
        Optional<String> location();

        /** The store's password; give it as ${ENV_VAR}. Never printed. */
        @Secret
        @RequiredWith("location")
        Optional<String> password();

        @WithDefault("PKCS12")
        String type();
    }
}
