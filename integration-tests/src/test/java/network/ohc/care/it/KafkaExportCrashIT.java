package network.ohc.care.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import network.ohc.care.plugs.kafkaexport.tests.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** kafka-export's at-least-once across a real crash: Care killed with SIGKILL mid-burst, restarted, nothing lost. */
class KafkaExportCrashIT {

    /** Every ce_id on the topic, with repeats (a duplicate appears twice). */
    static List<String> topicIds(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("care.signals"));
            int idle = 0;
            while (idle < 10) {
                var records = c.poll(Duration.ofMillis(300));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    out.add(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Test
    void killedWithSigkillDuringABurstThenRestartedNoSignalIsLost() throws Exception {
        ItDatabase db = ItDatabase.fresh("care_it_kafka_crash");
        Path data = Files.createTempDirectory("care-it-kafka-crash");
        try (KafkaBroker broker = new KafkaBroker()) {
            broker.start();
            Map<String, String> env = Map.of("CARE_IT_KAFKA", broker.bootstrap(), "CARE_IT_KAFKA_TYPES",
                    "care.facility.created,care.facility.updated");
            CareProcess first = CareProcess.start(java.nio.file.Path.of(System.getProperty("care.it.app")), db.url, data, env, Duration.ofSeconds(300));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acked = new AtomicInteger();
            List<Future<?>> writers = BusDurabilityIT.burst(pool, 4, List.of(first), stop, acked);
            Thread.sleep(3000);
            first.kill9();
            stop.set(true);
            for (Future<?> f : writers) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Set<String> committed = new HashSet<>();
            for (UUID id : db.outboxOf("care.facility.created", "care.facility.updated")) {
                committed.add(id.toString());
            }
            int before = new HashSet<>(topicIds(broker.bootstrap())).size();
            try (CareProcess second = CareProcess.start(java.nio.file.Path.of(System.getProperty("care.it.app")), db.url, data, env, Duration.ofSeconds(300))) {
                await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> new HashSet<>(topicIds(broker.bootstrap())).containsAll(committed));
                List<String> all = topicIds(broker.bootstrap());
                assertTrue(new HashSet<>(all).containsAll(committed));
                System.out.printf("kafka crash test: %d acknowledged writes, %d signals committed, %d on the topic before the restart, "
                        + "all %d after it; %d records, %d duplicates%n", acked.get(), committed.size(), before, committed.size(), all.size(),
                        all.size() - new HashSet<>(all).size());
            }
        }
    }
}
