package network.ohc.care.bus.contracts.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import network.ohc.care.bus.contracts.DomainSignal;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.SignalCatalog;
import network.ohc.care.bus.contracts.SignalType;

/**
 * The JSON Schema (draft 2020-12) of a signal record, derived from the record itself: field names as Jackson writes
 * them (the component names), JSON types and formats from the Java types ({@code uuid}, {@code date-time},
 * {@code date}), enum constants, and which fields are required and non-null from the record's constructor
 * ({@link RecordProbe}). Unknown fields stay allowed, since adding a field is a compatible change. Each schema is
 * self-contained (no {@code $ref}), so a consumer can use one file alone.
 *
 * <p>Run at build time (reflection on the records); at run time Care serves the files it generated.
 */
public final class SignalSchemas {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** Where a contract jar keeps its schemas. */
    public static final String RESOURCE_DIR = "META-INF/care/schemas/";
    /** In every contract jar, the list of its schema files, one name a line (read with {@code getResources}). */
    public static final String INDEX = RESOURCE_DIR + "index.txt";
    /**
     * In every contract jar, its records by type and version ({@code census.ward-occupancy-changed.v1=<class>}): how a
     * consumer that knows no contract jar at compile time (kafka-export) finds a plug's records.
     */
    public static final String CLASSES = RESOURCE_DIR + "classes.txt";

    private static final Map<String, String> ENVELOPE_DOCS = Map.of(
            "signalId", "Unique, time-ordered (UUIDv7) id of this signal: deduplicate on it, delivery is at least once.",
            "type", "The signal's type name.",
            "schemaVersion", "Version of this type's payload schema.",
            "occurredAt", "When the change happened.",
            "aggregateType", "The kind of record that changed, e.g. Encounter.",
            "aggregateId", "The id of that record; signals of one aggregate arrive in order.",
            "facilityId", "The facility the record belongs to, or null.",
            "actor", "Username of who made the change, or system.",
            "correlationId", "Id shared by all signals caused by one request, or null.");

    private SignalSchemas() {
    }

    /** The schema's {@code $id}, also the CloudEvents {@code dataschema} of every signal of this type and version. */
    public static String id(String type, int version) {
        return "urn:care:signal:" + type + ":v" + version;
    }

    /** The key of one type and version in documents that hold several: {@code care.patient.registered.v1}. */
    public static String key(String type, int version) {
        return type + ".v" + version;
    }

    public static String fileName(String type, int version) {
        return key(type, version) + ".schema.json";
    }

    public static String fileName(Class<? extends DomainSignal> type) {
        return fileName(SignalCatalog.typeName(type), SignalCatalog.version(type));
    }

    /** The schema of one signal type and version. */
    public static Map<String, Object> of(Class<? extends DomainSignal> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        String name = SignalCatalog.typeName(type);
        int version = SignalCatalog.version(type);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DIALECT);
        schema.put("$id", id(name, version));
        schema.put("title", name + " v" + version);
        String description = type.getAnnotation(SignalType.class).description();
        if (!description.isBlank()) {
            schema.put("description", description);
        }
        schema.putAll(object(type, type.getName()));
        // The bus carries no signal without an envelope, whatever the record's constructor says.
        @SuppressWarnings("unchecked")
        List<String> required = (List<String>) schema.get("required");
        if (!required.contains("envelope")) {
            required.add(0, "envelope");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        Map<String, Object> envelope = envelope(name, version);
        if (!properties.containsKey("envelope")) {
            throw new IllegalArgumentException(type.getName() + " has no envelope component");
        }
        properties.put("envelope", envelope);
        return schema;
    }

    private static Map<String, Object> envelope(String name, int version) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("description", "What every signal carries besides its payload.");
        e.putAll(object(Envelope.class, "envelope"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> props = (Map<String, Map<String, Object>>) (Map<?, ?>) e.get("properties");
        props.forEach((field, s) -> {
            if (ENVELOPE_DOCS.containsKey(field)) {
                s.put("description", ENVELOPE_DOCS.get(field));
            }
        });
        props.get("type").put("const", name);
        props.get("schemaVersion").put("const", version);
        return e;
    }

    /** {@code type: object} with a property per record component, and the required ones listed. */
    private static Map<String, Object> object(Class<?> record, String where) {
        List<String> required = RecordProbe.required(record);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            Map<String, Object> s = schemaOf(c.getGenericType(), where + "." + c.getName());
            if (!required.contains(c.getName())) {
                nullable(s);
            }
            properties.put(c.getName(), s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "object");
        out.put("properties", properties);
        out.put("required", new ArrayList<>(required));
        return out;
    }

    private static void nullable(Map<String, Object> s) {
        s.put("type", List.of(s.get("type"), "null"));
        if (s.get("enum") instanceof List<?> constants) {
            List<Object> withNull = new ArrayList<>(constants);
            withNull.add(null);
            s.put("enum", withNull);
        }
    }

    private static Map<String, Object> schemaOf(Type type, String where) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                Map<String, Object> s = typed("array");
                s.put("items", schemaOf(args[0], where + "[]"));
                if (Set.class.isAssignableFrom(raw)) {
                    s.put("uniqueItems", true);
                }
                return s;
            }
            if (Map.class.isAssignableFrom(raw) && args[0] == String.class) {
                Map<String, Object> s = typed("object");
                s.put("additionalProperties", schemaOf(args[1], where + "{}"));
                return s;
            }
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException(where + ": type " + type.getTypeName() + " has no JSON Schema mapping");
        }
        if (c == String.class) {
            return typed("string");
        } else if (c == UUID.class) {
            return formatted("uuid");
        } else if (c == Instant.class || c == OffsetDateTime.class) {
            return formatted("date-time");
        } else if (c == LocalDate.class) {
            return formatted("date");
        } else if (c == LocalTime.class) {
            return formatted("time");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class || c == Short.class) {
            return typed("integer");
        } else if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == BigDecimal.class) {
            return typed("number");
        } else if (c == boolean.class || c == Boolean.class) {
            return typed("boolean");
        } else if (c.isEnum()) {
            Map<String, Object> s = typed("string");
            s.put("enum", new ArrayList<Object>(Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList()));
            return s;
        } else if (c.isRecord()) {
            return object(c, where);
        }
        throw new IllegalArgumentException(where + ": type " + c.getName() + " has no JSON Schema mapping (use a string, number, "
                + "boolean, UUID, Instant, LocalDate, enum, list, map or record)");
    }

    private static Map<String, Object> typed(String jsonType) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", jsonType);
        return s;
    }

    private static Map<String, Object> formatted(String format) {
        Map<String, Object> s = typed("string");
        s.put("format", format);
        return s;
    }
}
