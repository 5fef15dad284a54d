package network.ohc.care.core.http;

/**
 * Checks a request target (path and query as sent) the way Quarkus' own URI check does, but names what is wrong so
 * that the answer can be a problem+json naming the field: Care turns Quarkus' check off
 * ({@code vertx.disableURIValidation}, set by {@code CareMain}) because that one answers with an empty 400.
 */
final class RequestTarget {
    private RequestTarget() {
    }

    /**
     * The field to name when {@code target} is not a valid URI reference: {@code "path"}, the query parameter whose
     * name or value is malformed, or {@code "query"} when the parameter's own name cannot be read; null when valid.
     */
    static String invalidField(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (!valid(path, false)) {
            return "path";
        }
        if (q < 0) {
            return null;
        }
        for (String pair : target.substring(q + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!valid(name, true)) {
                return "query";
            }
            if (eq >= 0 && !valid(pair.substring(eq + 1), true)) {
                return name;
            }
        }
        return null;
    }

    /** RFC 3986: every '%' starts two hex digits, and only URI characters appear (no spaces, controls or non-ASCII). */
    private static boolean valid(String part, boolean query) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || hex(part.charAt(i + 1)) < 0 || hex(part.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            } else if (!uriChar(c) || (!query && c == '#')) {
                return false;
            }
        }
        return true;
    }

    private static boolean uriChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
