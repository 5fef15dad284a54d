package network.ohc.care.bus.contracts.asyncapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import network.ohc.care.bus.contracts.cloudevents.CloudEvents;
import network.ohc.care.bus.contracts.cloudevents.HttpBinding;
import network.ohc.care.bus.contracts.cloudevents.KafkaBinding;
import network.ohc.care.bus.contracts.cloudevents.KafkaTopics;
import network.ohc.care.bus.contracts.schema.SignalSchemas;
import network.ohc.care.bus.contracts.webhooks.WebhookHeaders;

/**
 * The AsyncAPI 3.0 document of Care's signals, from their JSON Schemas: three channels that carry the same messages —
 * the in-process SmallRye channel plugs subscribe to, the Kafka topic(s) of the kafka-export plug (CloudEvents
 * headers, aggregate id as key), and the webhooks plug's POSTs (signature headers, CloudEvents headers when the
 * endpoint asks). Built at build time into {@code bus-contracts/asyncapi.json}, and at run time by Care from the
 * schemas of every contract jar in the image, so a plug's signals appear when the plug is there.
 */
public final class AsyncApiDocument {
    public static final String IN_PROCESS_CHANNEL = "care-outbox";
    /** The webhooks plug delivers core's signal types (named {@code care.*}; plugs may not use that prefix). */
    static final String WEBHOOK_TYPES = "care.";

    /**
     * What varies between deployments.
     *
     * @param version the Care version the document describes
     * @param source  the CloudEvents source of this deployment
     * @param kafka   the kafka-export plug's topic naming
     */
    public record Options(String version, String source, KafkaTopics kafka) {
        public static Options defaults(String version) {
            return new Options(version, CloudEvents.DEFAULT_SOURCE, KafkaTopics.defaults());
        }
    }

    private record Signal(String key, String type, int version, String description, Map<String, Object> schema) {
    }

    private AsyncApiDocument() {
    }

    /** The document for signals described by {@code schemas} (as {@link SignalSchemas} makes them). */
    public static Map<String, Object> build(List<Map<String, Object>> schemas, Options options) {
        List<Signal> signals = new ArrayList<>();
        for (Map<String, Object> schema : schemas) {
            signals.add(signal(schema));
        }
        signals.sort(Comparator.comparing(Signal::key));

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("id", "urn:care:signals");
        doc.put("info", info(options));
        doc.put("defaultContentType", CloudEvents.CONTENT_TYPE);
        doc.put("servers", servers());
        doc.put("channels", channels(signals, options));
        doc.put("operations", operations(signals));
        doc.put("components", components(signals, options));
        return doc;
    }

    private static Signal signal(Map<String, Object> schema) {
        Map<String, Object> envelope = child(child(child(schema, "properties"), "envelope"), "properties");
        Object type = child(envelope, "type").get("const");
        Object version = child(envelope, "schemaVersion").get("const");
        if (!(type instanceof String t) || !(version instanceof Integer v)) {
            throw new IllegalArgumentException("schema " + schema.get("$id") + " has no envelope type and schemaVersion constants");
        }
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.remove("$schema"); // inside an AsyncAPI document the schema format is the document's
        return new Signal(SignalSchemas.key(t, v), t, v, (String) schema.getOrDefault("description", ""), copy);
    }

    private static Map<String, Object> info(Options o) {
        return map("title", "Care signals", "version", o.version(), "description", """
                The signals Care publishes after each committed change: typed, versioned, in commit order (so in order \
                per record), delivered at least once. The same messages travel three ways:

                * **in process**, connector `care-outbox`: for plugs, inside Care, each `@Incoming` channel of that connector a                 durable subscription (the Java records of `care-bus-contracts`, with their delivery as metadata);
                * **Kafka**, from the `kafka-export` plug: CloudEvents 1.0 in binary mode, attributes in `ce_*` headers, \
                the record key is the aggregate id, the value the signal's JSON;
                * **webhooks**, from the `webhooks` plug: one HTTPS POST per signal and endpoint, signed with HMAC-SHA256 \
                (`X-Care-Signature`), with CloudEvents `ce-*` headers when the endpoint has `cloudevents=true`.

                Deduplicate on the signal id (`envelope.signalId`, `ce_id`, `X-Care-Signal-Id`). Ignore fields you do not \
                know: adding a field is a compatible change. A breaking change publishes a new schema version beside the \
                old one (`envelope.schemaVersion`, `careschemaversion`, `dataschema`).""",
                "license", map("name", "MIT", "url", "https://opensource.org/license/mit"));
    }

    private static Map<String, Object> servers() {
        return map(
                "in-process", map("host", "care", "protocol", "smallrye-in-memory",
                        "description", "The SmallRye in-memory channel inside the Care process: plugs subscribe through the plug SDK."),
                "kafka", map("host", "{bootstrap}", "protocol", "kafka",
                        "description", "The Kafka cluster the kafka-export plug publishes to.",
                        "variables", map("bootstrap", map("default", "localhost:9092",
                                "description", "The plug's bootstrap servers (plug.kafka-export.config.bootstrap-servers)."))),
                "webhook-receiver", map("host", "{host}", "protocol", "https",
                        "description", "Your HTTPS endpoint, one per plug.webhooks.config.endpoint.<id>.url.",
                        "variables", map("host", map("default", "receiver.example.org",
                                "description", "The host (and port) of the endpoint's URL."))));
    }

    private static Map<String, Object> channels(List<Signal> signals, Options o) {
        Map<String, Object> inProcess = map("address", IN_PROCESS_CHANNEL, "title", "In process",
                "description", "Every signal after its commit, to plugs inside Care: each channel of the connector is a durable subscription.",
                "servers", List.of(ref("#/servers/in-process")), "messages", messageRefs(signals, ""));
        Map<String, Object> kafka = map("address", o.kafka().perType() ? o.kafka().name() + "{signal}" : o.kafka().name(),
                "title", "Kafka topic" + (o.kafka().perType() ? "s" : ""),
                "description", o.kafka().perType()
                        ? "A topic per signal type and version. Order holds per record within a topic."
                        : "Every exported signal in one topic, keyed by aggregate id: all signals of one record are in one "
                                + "partition, in order. The plug can instead publish a topic per type and version "
                                + "(`<type>.v<version>`).",
                "servers", List.of(ref("#/servers/kafka")), "messages", messageRefs(signals, "kafka."));
        if (o.kafka().perType()) {
            kafka.put("parameters", map("signal", map("enum", signals.stream().map(Signal::key).toList(),
                    "description", "The signal type and version, <type>.v<version>.")));
        }
        Map<String, Object> webhooks = map("address", "{path}", "title", "Webhook endpoints",
                "description", "Each endpoint's URL, as configured; it gets the types it chose among core's.",
                "parameters", map("path", map("description", "The path of the endpoint's URL (plug.webhooks.config.endpoint.<id>.url).")),
                "servers", List.of(ref("#/servers/webhook-receiver")), "messages", messageRefs(webhookSignals(signals), "webhook."));
        return map("signals", inProcess, "kafka", kafka, "webhooks", webhooks);
    }

    private static List<Signal> webhookSignals(List<Signal> signals) {
        return signals.stream().filter(s -> s.type().startsWith(WEBHOOK_TYPES)).toList();
    }

    private static Map<String, Object> messageRefs(List<Signal> signals, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Signal s : signals) {
            out.put(s.key(), ref("#/components/messages/" + prefix + s.key()));
        }
        return out;
    }

    private static Map<String, Object> operations(List<Signal> signals) {
        return map(
                "deliverInProcess", operation("signals", signals, "Deliver each committed signal to the plugs", null),
                "exportToKafka", operation("kafka", signals, "Publish signals to Kafka (at least once, after the broker acknowledged)",
                        map("kafka", map("bindingVersion", "0.5.0"))),
                "postToWebhooks", operation("webhooks", webhookSignals(signals),
                        "POST signals to each endpoint, retried with backoff until a 2xx",
                        map("http", map("method", "POST", "bindingVersion", "0.3.0"))));
    }

    private static Map<String, Object> operation(String channel, List<Signal> signals, String summary, Map<String, Object> bindings) {
        Map<String, Object> op = map("action", "send", "channel", ref("#/channels/" + channel), "summary", summary);
        if (bindings != null) {
            op.put("bindings", bindings);
        }
        op.put("messages", signals.stream().map(s -> ref("#/channels/" + channel + "/messages/" + s.key())).toList());
        return op;
    }

    private static Map<String, Object> components(List<Signal> signals, Options o) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (Signal s : signals) {
            schemas.put(s.key(), s.schema());
        }
        schemas.put("KafkaHeaders", attributeHeaders(true));
        schemas.put("WebhookHeaders", webhookHeaders());
        for (Signal s : signals) {
            messages.put(s.key(), message(s, null, "#/components/correlationIds/payload", null));
        }
        for (Signal s : signals) {
            Map<String, Object> headers = map("allOf", List.of(ref("#/components/schemas/KafkaHeaders"),
                    map("type", "object", "properties", map(
                            KafkaBinding.header(CloudEvents.TYPE), map("const", s.type()),
                            KafkaBinding.header(CloudEvents.DATASCHEMA), map("const", SignalSchemas.id(s.type(), s.version())),
                            KafkaBinding.header(CloudEvents.SCHEMA_VERSION), map("const", Integer.toString(s.version())),
                            KafkaBinding.header(CloudEvents.SOURCE), map("examples", List.of(o.source()))))));
            messages.put("kafka." + s.key(), message(s, headers, "#/components/correlationIds/kafka",
                    map("kafka", map("key", map("type", "string", "format", "uuid",
                            "description", "The aggregate id (envelope.aggregateId): a record's signals share a partition, in order."),
                            "bindingVersion", "0.5.0"))));
        }
        for (Signal s : webhookSignals(signals)) {
            Map<String, Object> headers = map("allOf", List.of(ref("#/components/schemas/WebhookHeaders"),
                    map("type", "object", "properties", map(WebhookHeaders.SIGNAL_TYPE, map("const", s.type())))));
            messages.put("webhook." + s.key(), message(s, headers, "#/components/correlationIds/payload",
                    map("http", map("bindingVersion", "0.3.0"))));
        }
        return map("schemas", schemas, "messages", messages, "correlationIds", map(
                "payload", map("location", "$message.payload#/envelope/correlationId",
                        "description", "Shared by all signals one request caused."),
                "kafka", map("location", "$message.header#/" + KafkaBinding.header(CloudEvents.CORRELATION_ID),
                        "description", "Shared by all signals one request caused.")));
    }

    private static Map<String, Object> message(Signal s, Map<String, Object> headers, String correlation, Map<String, Object> bindings) {
        Map<String, Object> m = map("name", s.key(), "title", s.type() + " v" + s.version());
        if (!s.description().isBlank()) {
            m.put("summary", s.description());
        }
        m.put("contentType", CloudEvents.CONTENT_TYPE);
        if (headers != null) {
            m.put("headers", headers);
        }
        m.put("payload", ref("#/components/schemas/" + s.key()));
        m.put("correlationId", ref(correlation));
        if (bindings != null) {
            m.put("bindings", bindings);
        }
        return m;
    }

    /** The CloudEvents attributes as Kafka headers ({@code kafka}) or as the HTTP headers a webhook may carry. */
    private static Map<String, Object> attributeHeaders(boolean kafka) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (CloudEvents.Attribute a : CloudEvents.ATTRIBUTES) {
            if (!kafka && a.name().equals(CloudEvents.DATACONTENTTYPE)) {
                continue; // HTTP's own Content-Type: described by the message's contentType
            }
            String header = kafka ? KafkaBinding.header(a.name()) : HttpBinding.header(a.name());
            Map<String, Object> s = map("type", "string");
            if (a.format() != null) {
                s.put("format", a.format());
            }
            if (a.pattern() != null) {
                s.put("pattern", a.pattern());
            }
            if (a.name().equals(CloudEvents.DATACONTENTTYPE)) {
                s.put("const", CloudEvents.CONTENT_TYPE);
            }
            s.put("description", (kafka ? "" : "When the endpoint has cloudevents=true. ") + "CloudEvents " + a.name() + ": " + a.description());
            properties.put(header, s);
            if (a.required() && kafka) {
                required.add(header);
            }
        }
        Map<String, Object> out = map("type", "object", "properties", properties);
        if (kafka) {
            out.put("required", required);
            out.put("description", "CloudEvents 1.0 attributes (Kafka protocol binding, binary mode), values UTF-8.");
        }
        return out;
    }

    private static Map<String, Object> webhookHeaders() {
        Map<String, Object> properties = map(
                "User-Agent", map("type", "string", "const", WebhookHeaders.USER_AGENT),
                WebhookHeaders.DELIVERY, map("type", "string", "pattern", "^[0-9]+$",
                        "description", "The delivery's id at the sender; the same on every retry of it."),
                WebhookHeaders.SIGNAL_ID, map("type", "string", "format", "uuid",
                        "description", "The signal id (envelope.signalId): deduplicate on it, a delivery may be retried."),
                WebhookHeaders.SIGNAL_TYPE, map("type", "string", "description", "The signal type (envelope.type)."),
                WebhookHeaders.TIMESTAMP, map("type", "string", "pattern", "^[0-9]+$",
                        "description", "Unix seconds when this attempt was signed: reject requests much older than now."),
                WebhookHeaders.SIGNATURE, map("type", "string", "pattern", "^sha256=[0-9a-f]{64}$",
                        "description", "sha256= and the hex HMAC-SHA256, keyed with the endpoint's secret, of the timestamp "
                                + "header, a dot, and the body bytes as received. Compare in constant time."));
        @SuppressWarnings("unchecked")
        Map<String, Object> cloudEvents = (Map<String, Object>) attributeHeaders(false).get("properties");
        properties.putAll(cloudEvents);
        return map("type", "object", "properties", properties,
                "required", List.of("User-Agent", WebhookHeaders.DELIVERY, WebhookHeaders.SIGNAL_ID, WebhookHeaders.SIGNAL_TYPE,
                        WebhookHeaders.TIMESTAMP, WebhookHeaders.SIGNATURE),
                "description", "Sent with every webhook POST; the ce-* headers only to endpoints with cloudevents=true "
                        + "(CloudEvents HTTP binding, binary mode; values percent-encoded where the binding requires it).");
    }

    private static Map<String, Object> ref(String to) {
        return map("$ref", to);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    /** An ordered map of alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
