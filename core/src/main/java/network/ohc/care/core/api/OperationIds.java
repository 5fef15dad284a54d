package network.ohc.care.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Readable operation ids for generated API clients, from an operation's path, HTTP method and Java method name, so no
 * resource has to spell them out: {@code GET /facilities} is {@code listFacilities}, {@code POST /patients} handled by
 * {@code register} is {@code registerPatient}, {@code GET /facilities/{id}} is {@code getFacility},
 * {@code POST /encounters/{id}/admit} is {@code admitEncounter}, {@code GET /encounters/{id}/beds} is
 * {@code listEncounterBeds}, and a plug's paths ({@code /plugs/census/...}) carry the plug's name
 * ({@code getCensusFacility}). An explicit {@code @Operation(operationId = ...)} wins.
 */
public final class OperationIds {
    /** Java method names that say nothing beyond the HTTP method. */
    private static final List<String> GENERIC = List.of("list", "get", "create", "update", "delete", "find", "read", "patch", "put",
            "add", "remove", "all", "one");

    private OperationIds() {
    }

    /**
     * @param path       the operation's path, e.g. {@code /api/v1/facilities/{facilityId}/locations/{id}}
     * @param httpMethod GET, POST, …
     * @param javaMethod the name of the resource method
     */
    public static String of(String path, String httpMethod, String javaMethod) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        while (!segments.isEmpty() && (segments.get(0).equals("api") || segments.get(0).matches("v[0-9]+"))) {
            segments.remove(0);
        }
        String plug = "";
        if (segments.size() > 2 && segments.get(0).equals("plugs") && !param(segments.get(1))) {
            plug = camel(segments.get(1));
            segments = segments.subList(2, segments.size());
        }
        String method = httpMethod.toUpperCase(Locale.ROOT);
        int last = segments.size() - 1;
        if (last < 0) {
            return javaMethod;
        }
        boolean item = param(segments.get(last));
        int nounAt = item ? last - 1 : last;
        while (nounAt >= 0 && param(segments.get(nounAt))) {
            nounAt--;
        }
        if (nounAt < 0) {
            return javaMethod;
        }
        String noun = segments.get(nounAt);
        boolean named = javaMethod.equalsIgnoreCase(camel(noun)) || javaMethod.equalsIgnoreCase(camel(singular(noun)));
        boolean action = !named && !GENERIC.contains(javaMethod);

        if (item) {
            // /facilities/{id}: one record
            return (action ? javaMethod : crud(method, false)) + plug + camel(singular(noun));
        }
        boolean underItem = nounAt > 0 && param(segments.get(nounAt - 1));
        String parent = underItem ? parentNoun(segments, nounAt - 1) : null;
        if (named) {
            if (underItem && !method.equals("GET")) {
                // POST /encounters/{id}/admit: an action on the record
                return javaMethod + plug + camel(singular(parent));
            }
            if (underItem) {
                // GET /encounters/{id}/beds: a list that belongs to the record
                return "list" + plug + camel(singular(parent)) + capitalize(javaMethod);
            }
            // /auth/login, /auth/me
            return method.equals("GET") ? "get" + plug + capitalize(javaMethod) : javaMethod + plug;
        }
        if (method.equals("GET") && !action) {
            return "list" + plug + (underItem ? camel(singular(parent)) : "") + camel(noun);
        }
        return (action ? javaMethod : crud(method, true)) + plug + camel(singular(noun));
    }

    private static String parentNoun(List<String> segments, int paramAt) {
        for (int i = paramAt - 1; i >= 0; i--) {
            if (!param(segments.get(i))) {
                return segments.get(i);
            }
        }
        return "";
    }

    private static String crud(String method, boolean collection) {
        return switch (method) {
            case "GET" -> collection ? "list" : "get";
            case "POST" -> collection ? "create" : "update";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    private static boolean param(String segment) {
        return segment.startsWith("{");
    }

    static String singular(String noun) {
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        if (noun.endsWith("sses") || noun.endsWith("xes") || noun.endsWith("ches") || noun.endsWith("shes")) {
            return noun.substring(0, noun.length() - 2);
        }
        if (noun.endsWith("s") && !noun.endsWith("ss")) {
            return noun.substring(0, noun.length() - 1);
        }
        return noun;
    }

    /** {@code dead-letters} → {@code DeadLetters}. */
    static String camel(String segment) {
        StringBuilder out = new StringBuilder();
        for (String part : segment.split("[-_.]")) {
            out.append(capitalize(part));
        }
        return out.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
