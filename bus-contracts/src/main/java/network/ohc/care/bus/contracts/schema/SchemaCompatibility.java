package network.ohc.care.bus.contracts.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether a newer schema of one signal version still describes every payload the older one did, and nothing a
 * consumer of the older one could not read (VERSIONING.md): a field may be added if it is optional, and an enum may
 * gain constants. Everything else about an existing field is frozen: its JSON type and nullability, its format,
 * its constant, whether it is required, and its enum constants (none may go).
 */
public final class SchemaCompatibility {
    private SchemaCompatibility() {
    }

    /** The breaking differences, as messages naming the field; empty when {@code current} is compatible. */
    public static List<String> problems(Map<String, Object> published, Map<String, Object> current) {
        List<String> out = new ArrayList<>();
        compare("", published, current, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void compare(String path, Map<String, Object> was, Map<String, Object> now, List<String> out) {
        String field = path.isEmpty() ? "the payload" : "field '" + path + "'";
        if (!types(was).equals(types(now))) {
            out.add(field + " changed type from " + types(was) + " to " + types(now));
            return;
        }
        for (String keyword : List.of("format", "const")) {
            if (!Objects.equals(was.get(keyword), now.get(keyword))) {
                out.add(field + " changed " + keyword + " from " + was.get(keyword) + " to " + now.get(keyword));
            }
        }
        if (was.get("enum") instanceof List<?> old) {
            List<?> current = now.get("enum") instanceof List<?> l ? l : List.of();
            List<Object> gone = new ArrayList<>(old);
            gone.removeAll(current);
            if (!gone.isEmpty() || !(now.get("enum") instanceof List)) {
                out.add(field + " lost enum constant(s) " + (gone.isEmpty() ? old : gone));
            }
        }
        Map<String, Object> oldProps = (Map<String, Object>) was.getOrDefault("properties", Map.of());
        Map<String, Object> newProps = (Map<String, Object>) now.getOrDefault("properties", Map.of());
        List<?> oldRequired = (List<?>) was.getOrDefault("required", List.of());
        List<?> newRequired = (List<?>) now.getOrDefault("required", List.of());
        for (Map.Entry<String, Object> p : oldProps.entrySet()) {
            String name = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
            Object current = newProps.get(p.getKey());
            if (current == null) {
                out.add("field '" + name + "' was removed or renamed");
                continue;
            }
            if (oldRequired.contains(p.getKey()) && !newRequired.contains(p.getKey())) {
                out.add("field '" + name + "' is no longer always present");
            } else if (!oldRequired.contains(p.getKey()) && newRequired.contains(p.getKey())) {
                out.add("field '" + name + "' became required (payloads written before lack it)");
            }
            compare(name, (Map<String, Object>) p.getValue(), (Map<String, Object>) current, out);
        }
        for (Object name : newRequired) {
            if (!oldProps.containsKey(name) && newProps.containsKey(name)) {
                out.add("new field '" + (path.isEmpty() ? name : path + "." + name) + "' is required (payloads written before lack it: "
                        + "make it nullable)");
            }
        }
        if (was.get("items") instanceof Map<?, ?> items && now.get("items") instanceof Map<?, ?> nowItems) {
            compare(path + "[]", (Map<String, Object>) items, (Map<String, Object>) nowItems, out);
        }
        if (was.get("additionalProperties") instanceof Map<?, ?> values && now.get("additionalProperties") instanceof Map<?, ?> nowValues) {
            compare(path + "{}", (Map<String, Object>) values, (Map<String, Object>) nowValues, out);
        }
    }

    private static TreeSet<String> types(Map<String, Object> schema) {
        TreeSet<String> out = new TreeSet<>();
        Object t = schema.get("type");
        if (t instanceof List<?> list) {
            list.forEach(x -> out.add(String.valueOf(x)));
        } else if (t != null) {
            out.add(String.valueOf(t));
        }
        return out;
    }
}
