package network.ohc.care.bus.contracts.cloudevents;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import network.ohc.care.bus.contracts.Envelope;
import network.ohc.care.bus.contracts.schema.SignalSchemas;

/**
 * How a Care signal is a CloudEvents 1.0 event: the context attributes come from its {@link Envelope}, the data is
 * the signal's JSON exactly as the golden files show it (envelope included, so the body alone is complete). The same
 * attributes travel as Kafka headers ({@link KafkaBinding}) and as HTTP headers ({@link HttpBinding}), in binary
 * content mode.
 *
 * <table>
 * <caption>Attributes</caption>
 * <tr><th>attribute</th><th>value</th></tr>
 * <tr><td>specversion</td><td>{@code 1.0}</td></tr>
 * <tr><td>id</td><td>{@code envelope.signalId}</td></tr>
 * <tr><td>source</td><td>the deployment's URI ({@code care.cloudevents.source})</td></tr>
 * <tr><td>type</td><td>{@code envelope.type}</td></tr>
 * <tr><td>subject</td><td>{@code envelope.aggregateType + "/" + envelope.aggregateId}</td></tr>
 * <tr><td>time</td><td>{@code envelope.occurredAt}, RFC 3339 in UTC</td></tr>
 * <tr><td>datacontenttype</td><td>{@code application/json}</td></tr>
 * <tr><td>dataschema</td><td>the payload schema's {@code $id}, {@code urn:care:signal:<type>:v<version>}</td></tr>
 * <tr><td>careschemaversion</td><td>{@code envelope.schemaVersion} (extension)</td></tr>
 * <tr><td>correlationid</td><td>{@code envelope.correlationId}, when set (extension)</td></tr>
 * <tr><td>carefacilityid</td><td>{@code envelope.facilityId}, when set (extension)</td></tr>
 * </table>
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** The source when a deployment names none; set {@code care.cloudevents.source} to a URI of your deployment. */
    public static final String DEFAULT_SOURCE = "/care";

    public static final String SPECVERSION = "specversion";
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String TYPE = "type";
    public static final String SUBJECT = "subject";
    public static final String TIME = "time";
    public static final String DATACONTENTTYPE = "datacontenttype";
    public static final String DATASCHEMA = "dataschema";
    public static final String SCHEMA_VERSION = "careschemaversion";
    public static final String CORRELATION_ID = "correlationid";
    public static final String FACILITY_ID = "carefacilityid";

    /** One context attribute: its name, whether every Care event has it, its JSON Schema format, and its meaning. */
    public record Attribute(String name, boolean required, String format, String pattern, String description) {
    }

    /** Every attribute Care sets, in the order they are written. */
    public static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute(SPECVERSION, true, null, "^1\\.0$", "CloudEvents version: 1.0."),
            new Attribute(ID, true, "uuid", null, "The signal's id (envelope.signalId). With source, unique per signal: deduplicate on it."),
            new Attribute(SOURCE, true, "uri-reference", null, "Names the Care deployment (care.cloudevents.source)."),
            new Attribute(TYPE, true, null, null, "The signal type (envelope.type), e.g. care.encounter.patient-admitted."),
            new Attribute(SUBJECT, true, null, "^[A-Za-z][A-Za-z0-9]*/[0-9a-f-]{36}$",
                    "The record that changed: envelope.aggregateType/envelope.aggregateId, e.g. Encounter/018f0000-0000-7000-8000-000000000006."),
            new Attribute(TIME, true, "date-time", null, "When the change happened (envelope.occurredAt), RFC 3339, UTC."),
            new Attribute(DATACONTENTTYPE, true, null, null, "Always application/json."),
            new Attribute(DATASCHEMA, true, "uri", null,
                    "The $id of the payload's JSON Schema, urn:care:signal:<type>:v<version>; a breaking change means another URI."),
            new Attribute(SCHEMA_VERSION, true, null, "^[1-9][0-9]*$", "The payload's schema version (envelope.schemaVersion)."),
            new Attribute(CORRELATION_ID, false, null, null,
                    "Shared by all signals one request caused (envelope.correlationId); absent when there is none."),
            new Attribute(FACILITY_ID, false, "uuid", null, "The facility of the record (envelope.facilityId); absent when there is none."));

    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,20}");

    private CloudEvents() {
    }

    /** The context attributes of a signal, in {@link #ATTRIBUTES} order, as their canonical strings. */
    public static Map<String, String> attributes(Envelope e, String source) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(SPECVERSION, SPEC_VERSION);
        a.put(ID, e.signalId().toString());
        a.put(SOURCE, source);
        a.put(TYPE, e.type());
        a.put(SUBJECT, e.aggregateType() + "/" + e.aggregateId());
        a.put(TIME, e.occurredAt().toString());
        a.put(DATACONTENTTYPE, CONTENT_TYPE);
        a.put(DATASCHEMA, SignalSchemas.id(e.type(), e.schemaVersion()));
        a.put(SCHEMA_VERSION, Integer.toString(e.schemaVersion()));
        if (e.correlationId() != null) {
            a.put(CORRELATION_ID, e.correlationId());
        }
        if (e.facilityId() != null) {
            a.put(FACILITY_ID, e.facilityId().toString());
        }
        List<String> problems = problems(a);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid CloudEvent: " + String.join("; ", problems));
        }
        return a;
    }

    /** Where {@code source} is not a usable CloudEvents source (a non-empty URI reference), the reason; else null. */
    public static String sourceProblem(String source) {
        if (source == null || source.isBlank()) {
            return "must not be empty";
        }
        try {
            new URI(source);
            return null;
        } catch (URISyntaxException e) {
            return "is not a URI reference (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
    }

    /** The CloudEvents 1.0 rules an event's attributes break, as messages; empty when it is valid. */
    public static List<String> problems(Map<String, String> attributes) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (!NAME.matcher(a.getKey()).matches()) {
                out.add("attribute name '" + a.getKey() + "' must be 1 to 20 lower-case letters or digits");
            }
            if (a.getValue() == null || a.getValue().isEmpty()) {
                out.add("attribute '" + a.getKey() + "' must not be empty");
            }
        }
        for (String required : List.of(SPECVERSION, ID, SOURCE, TYPE)) {
            if (!attributes.containsKey(required)) {
                out.add("required attribute '" + required + "' is missing");
            }
        }
        if (attributes.containsKey(SPECVERSION) && !SPEC_VERSION.equals(attributes.get(SPECVERSION))) {
            out.add("specversion must be " + SPEC_VERSION);
        }
        if (attributes.get(SOURCE) != null && sourceProblem(attributes.get(SOURCE)) != null) {
            out.add("source " + sourceProblem(attributes.get(SOURCE)));
        }
        String time = attributes.get(TIME);
        if (time != null) {
            try {
                OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                out.add("time '" + time + "' is not an RFC 3339 timestamp");
            }
        }
        String schema = attributes.get(DATASCHEMA);
        if (schema != null) {
            try {
                if (!new URI(schema).isAbsolute()) {
                    out.add("dataschema must be an absolute URI");
                }
            } catch (URISyntaxException e) {
                out.add("dataschema is not a URI");
            }
        }
        return out;
    }
}
