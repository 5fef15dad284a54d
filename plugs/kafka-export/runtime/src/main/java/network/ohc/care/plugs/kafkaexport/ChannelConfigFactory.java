package network.ohc.care.plugs.kafkaexport;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the SmallRye Kafka channel's settings ({@code mp.messaging.outgoing.kafka-export.*}) from the plug's own
 * keys, so an operator writes only {@code plug.kafka-export.config.*}. Values are expressions over the plug's keys:
 * secrets given as {@code ${ENV_VAR}} are resolved when read, and never copied here.
 */
public class ChannelConfigFactory implements ConfigSourceFactory {
    static final String CHANNEL = "kafka-export";
    private static final String OUT = "mp.messaging.outgoing." + CHANNEL + ".";
    private static final String P = KafkaExportConfig.PREFIX;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(OUT + "connector", "smallrye-kafka");
        m.put(OUT + "topic", "${" + P + "topic:care.signals}");
        // At least once: the broker acknowledges only what every in-sync replica has, and retries never duplicate
        // or reorder within a partition.
        m.put(OUT + "acks", "all");
        m.put(OUT + "enable.idempotence", "true");
        m.put(OUT + "max.in.flight.requests.per.connection", "5");
        // The producer never gives a record up (it retries through an outage until the broker is back): a record
        // dropped while later ones of its partition got through would reach the topic after them once resent.
        // The plug's ack-timeout only makes the bus wait again (and report DEGRADED); the send goes on.
        m.put(OUT + "delivery.timeout.ms", String.valueOf(Integer.MAX_VALUE));
        // Records are sent as soon as they come; those that come while earlier requests are in flight share batches.
        m.put(OUT + "linger.ms", "0");
        m.put(OUT + "key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        m.put(OUT + "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        // The plug sets the ce_* headers itself (KafkaBinding); the connector must not add its own.
        m.put(OUT + "cloud-events", "false");
        // A broker outage must not take Care out of its load balancer: the plug's own check reports it instead.
        m.put(OUT + "health-enabled", "false");
        m.put(OUT + "tracing-enabled", "false");
        if (present(context, "bootstrap-servers")) {
            m.put(OUT + "bootstrap.servers", "${" + P + "bootstrap-servers}");
        }
        m.put(OUT + "security.protocol", "${" + P + "security-protocol:PLAINTEXT}");
        if (present(context, "sasl.mechanism")) {
            m.put(OUT + "sasl.mechanism", "${" + P + "sasl.mechanism}");
            String mechanism = context.getValue(P + "sasl.mechanism").getValue();
            String module = mechanism != null && mechanism.toUpperCase().startsWith("SCRAM")
                    ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            m.put(OUT + "sasl.jaas.config", module + " required username=\"${" + P + "sasl.username}\" password=\"${" + P
                    + "sasl.password}\";");
        }
        for (String store : List.of("truststore", "keystore")) {
            if (present(context, "ssl." + store + ".location")) {
                m.put(OUT + "ssl." + store + ".location", "${" + P + "ssl." + store + ".location}");
                m.put(OUT + "ssl." + store + ".type", "${" + P + "ssl." + store + ".type:PKCS12}");
                if (present(context, "ssl." + store + ".password")) {
                    m.put(OUT + "ssl." + store + ".password", "${" + P + "ssl." + store + ".password}");
                }
            }
        }
        return List.of(new PropertiesConfigSource(m, "kafka-export plug channel", 100));
    }

    private static boolean present(ConfigSourceContext context, String key) {
        ConfigValue v = context.getValue(P + key);
        return v != null && v.getRawValue() != null && !v.getRawValue().isBlank();
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }
}
