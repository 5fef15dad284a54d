package network.ohc.care.plugs.kafkaexport.tests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start, as an integrator's consumer would. */
final class Records {
    record Got(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {
        String id() {
            return headers.get("ce_id");
        }
    }

    private Records() {
    }

    /** Every record of {@code topic} so far, polling until {@code done} holds for the list (at most 60 s). */
    static List<Got> readUntil(String bootstrap, String topic, Predicate<List<Got>> done) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Got> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < until && !done.test(out)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    Map<String, String> h = new LinkedHashMap<>();
                    for (Header header : r.headers()) {
                        h.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    out.add(new Got(r.topic(), r.partition(), r.offset(), r.key(), r.value(), h));
                }
            }
        }
        return out;
    }
}
