package network.ohc.care.bus.contracts.cloudevents;

import java.util.LinkedHashMap;
import java.util.Map;
import network.ohc.care.bus.contracts.Envelope;

/**
 * The CloudEvents Kafka protocol binding 1.0, binary content mode, as Care uses it: the record value is the signal's
 * JSON, each attribute is a header {@code ce_<name>} (UTF-8), except {@code datacontenttype}, which is the
 * {@code content-type} header. The record key is the aggregate id, so one record's signals stay in one partition, in
 * order (the key plays the part of the CloudEvents {@code partitionkey} extension).
 */
public final class KafkaBinding {
    public static final String PREFIX = "ce_";
    public static final String CONTENT_TYPE_HEADER = "content-type";

    private KafkaBinding() {
    }

    /** The record key: the aggregate id, as a string (UTF-8). */
    public static String key(Envelope e) {
        return e.aggregateId().toString();
    }

    /** The header of an attribute. */
    public static String header(String attribute) {
        return CloudEvents.DATACONTENTTYPE.equals(attribute) ? CONTENT_TYPE_HEADER : PREFIX + attribute;
    }

    /** The headers of an event, in attribute order; values are written as UTF-8 bytes. */
    public static Map<String, String> headers(Map<String, String> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach((name, value) -> out.put(header(name), value));
        return out;
    }

    /** The attributes a Kafka record carries (other headers ignored): what a consumer reads back. */
    public static Map<String, String> attributes(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.equals(CONTENT_TYPE_HEADER)) {
                out.put(CloudEvents.DATACONTENTTYPE, value);
            } else if (name.startsWith(PREFIX)) {
                out.put(name.substring(PREFIX.length()), value);
            }
        });
        return out;
    }
}
