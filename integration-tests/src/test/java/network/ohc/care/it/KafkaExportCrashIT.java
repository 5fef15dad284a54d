package network.ohc.care.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import network.ohc.care.plugs.kafkaexport.tests.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * kafka-export's at-least-once across a real crash: Care killed with SIGKILL in the middle of a burst, after the
 * broker had acknowledged signals whose delivery Care had not yet saved, then restarted: nothing lost, order per
 * aggregate kept, duplicates counted.
 */
class KafkaExportCrashIT {
    static final String[] TYPES = {"care.facility.created", "care.facility.updated"};

    /** One record of the topic: key (the aggregate) and ce_id. */
    record Got(String key, String id) {
    }

    static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    static List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        return c.partitionsFor("care.signals").stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }

    /** Every record on the topic, in partition order (an aggregate's records share a partition); repeats included. */
    static List<Got> topic(String bootstrap) {
        List<Got> out = new ArrayList<>();
        // Partitions assigned by hand and read up to the end offsets seen now: no consumer group to wait for.
        try (KafkaConsumer<String, String> c = consumer(bootstrap)) {
            List<TopicPartition> parts = partitions(c);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    out.add(new Got(r.key(), new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    /** How many exported signals the kafka-export subscription's saved position covers. */
    static long savedAsDelivered(ItDatabase db) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM core.signal_outbox o JOIN core.signal_subscription s ON s.name = 'kafka-export'
                WHERE o.seq <= s.position AND o.type IN ('care.facility.created', 'care.facility.updated')""");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Set<String> ids(List<Got> got) {
        return got.stream().map(Got::id).collect(Collectors.toSet());
    }

    /** The outbox's signals of {@link #TYPES}: signal id -> position, in position order. */
    static Map<String, Long> committed(ItDatabase db) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT signal_id, seq FROM core.signal_outbox WHERE type IN ('care.facility.created', 'care.facility.updated') ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Per aggregate, the outbox's signal ids in commit order. */
    static Map<String, List<String>> commitOrder(ItDatabase db) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT aggregate_id, signal_id FROM core.signal_outbox WHERE type IN ('care.facility.created', 'care.facility.updated') "
                        + "ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    /** The kafka-export subscription's saved position (what Care would start after, were it restarted now). */
    static long savedPosition(ItDatabase db) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT position FROM core.signal_subscription WHERE name = 'kafka-export'"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Test
    void killedWithSigkillAfterTheBrokerAcknowledgedSignalsNotYetSavedNoneIsLost() throws Exception {
        ItDatabase db = ItDatabase.fresh("care_it_kafka_crash");
        Path data = Files.createTempDirectory("care-it-kafka-crash");
        Path app = Path.of(System.getProperty("care.it.app"));
        try (KafkaBroker broker = new KafkaBroker()) {
            broker.start();
            Map<String, String> env = Map.of("CARE_IT_KAFKA", broker.bootstrap(), "CARE_IT_KAFKA_TYPES", String.join(",", TYPES));
            CareProcess first = CareProcess.start(app, db.url, data, env, Duration.ofSeconds(300));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acked = new AtomicInteger();
            List<Future<?>> writers = BusDurabilityIT.burst(pool, 4, List.of(first), stop, acked);
            // Mid-burst, with records on the topic, at a moment the broker holds more of them than Care has saved as
            // delivered (it saves the position at most every 200 ms, after the acknowledgements).
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> topic(broker.bootstrap()).size() >= 50);
            // Care is frozen (SIGSTOP) while this is checked and killed from there: a position save landing between
            // the check and the kill would otherwise leave nothing acknowledged-but-unsaved (seen on a fast machine).
            try (KafkaConsumer<String, String> offsets = consumer(broker.bootstrap())) {
                List<TopicPartition> parts = partitions(offsets);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    BusFencingIT.signal("STOP", first.pid());
                    Thread.sleep(30); // a save already sent completes meanwhile
                    long onTopic = offsets.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
                    if (onTopic > savedAsDelivered(db)) { // read after the topic: acknowledged before, still not saved
                        return true; // killed while still frozen
                    }
                    BusFencingIT.signal("CONT", first.pid());
                    return false;
                });
            }
            first.kill9();
            stop.set(true);
            for (Future<?> f : writers) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();

            long position = savedPosition(db);
            Map<String, Long> committed = committed(db);
            Set<String> onTopic = ids(topic(broker.bootstrap()));
            assertTrue(committed.keySet().containsAll(onTopic), "the topic holds only committed signals");
            Set<String> ackedNotSaved = onTopic.stream().filter(id -> committed.get(id) > position).collect(Collectors.toSet());
            Set<String> notExported = committed.keySet().stream().filter(id -> !onTopic.contains(id)).collect(Collectors.toSet());
            // The case this test is about: the broker had some signals Care had not recorded as delivered.
            assertFalse(ackedNotSaved.isEmpty(), "no signal was acknowledged by the broker past the saved position " + position);

            // Until the restarted Care has saved the last committed signal as delivered, that is, until the broker
            // acknowledged everything it sent again: every id on the topic alone is not enough, the signals it had before
            // the kill are there already while their second copies may still be in flight (up to 512 are).
            long last = committed.values().stream().mapToLong(Long::longValue).max().orElse(0);
            try (CareProcess second = CareProcess.start(app, db.url, data, env, Duration.ofSeconds(300))) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> savedPosition(db) >= last && ids(topic(broker.bootstrap())).containsAll(committed.keySet()));
            }
            List<Got> all = topic(broker.bootstrap());
            Set<String> distinct = ids(all);
            assertTrue(distinct.containsAll(committed.keySet()), "every committed signal is on the topic");
            // In order per aggregate, for a consumer that drops what it has seen (by ce_id).
            Map<String, LinkedHashSet<String>> firstSeen = new LinkedHashMap<>();
            for (Got g : all) {
                firstSeen.computeIfAbsent(g.key(), k -> new LinkedHashSet<>()).add(g.id());
            }
            commitOrder(db).forEach((aggregate, order) -> assertEquals(order, List.copyOf(firstSeen.get(aggregate)),
                    "signals of facility " + aggregate + " in commit order"));
            int duplicates = all.size() - distinct.size();
            // What the broker had past the saved position was sent again after the restart.
            Map<String, Long> times = all.stream().collect(Collectors.groupingBy(Got::id, Collectors.counting()));
            assertTrue(ackedNotSaved.stream().allMatch(id -> times.get(id) >= 2), "sent again from the saved position");
            System.out.printf("kafka crash test: %d acknowledged writes, %d signals committed; at the SIGKILL the saved position was %d, "
                    + "the topic held %d of them, %d past that position (acknowledged, not yet saved), %d not yet exported; "
                    + "after the restart all %d are on the topic: %d records, %d duplicates%n", acked.get(), committed.size(), position,
                    onTopic.size(), ackedNotSaved.size(), notExported.size(), committed.size(), all.size(), duplicates);
        }
    }
}
