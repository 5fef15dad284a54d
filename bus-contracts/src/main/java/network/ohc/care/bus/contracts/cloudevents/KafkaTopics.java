package network.ohc.care.bus.contracts.cloudevents;

import java.util.regex.Pattern;

/**
 * Which Kafka topic a signal goes to. {@link #single} (the default, {@value #DEFAULT_TOPIC}): every type in one topic,
 * so all signals of one record stay in order across types (admitted before transferred before completed).
 * {@link #perType}: a topic per type and version, {@code <prefix><type>.v<version>} (e.g.
 * {@code care.encounter.patient-admitted.v1}): one schema per topic, as schema registries like, and a consumer
 * subscribes to exactly the versions it reads; order holds per record within a topic only.
 *
 * @param perType whether each type and version has its own topic
 * @param name    the topic ({@code perType} false) or the prefix of every topic ({@code perType} true, may be empty)
 */
public record KafkaTopics(boolean perType, String name) {
    public static final String DEFAULT_TOPIC = "care.signals";
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public KafkaTopics {
        if (name == null) {
            throw new IllegalArgumentException("topic name must be set");
        }
        String problem = perType ? (name.isEmpty() ? null : problem(name + "x")) : problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static KafkaTopics single(String topic) {
        return new KafkaTopics(false, topic);
    }

    public static KafkaTopics perType(String prefix) {
        return new KafkaTopics(true, prefix);
    }

    public static KafkaTopics defaults() {
        return single(DEFAULT_TOPIC);
    }

    /** The topic of one type and version. */
    public String topicFor(String type, int version) {
        return perType ? name + type + ".v" + version : name;
    }

    /** Why {@code topic} is not a legal Kafka topic name, or null. */
    public static String problem(String topic) {
        if (topic.equals(".") || topic.equals("..")) {
            return "'" + topic + "' is not a legal topic name";
        }
        if (!LEGAL.matcher(topic).matches()) {
            return "'" + topic + "' is not a legal topic name (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')";
        }
        return null;
    }
}
