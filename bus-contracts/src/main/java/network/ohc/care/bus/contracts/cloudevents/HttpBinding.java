package network.ohc.care.bus.contracts.cloudevents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CloudEvents HTTP protocol binding 1.0, binary content mode: the body is the signal's JSON, each attribute is a
 * header {@code ce-<name>}, except {@code datacontenttype}, which is {@code Content-Type}. Header values are
 * percent-encoded where the binding requires it (space, double quote, percent, and anything outside printable
 * ASCII, as UTF-8 bytes).
 */
public final class HttpBinding {
    public static final String PREFIX = "ce-";
    public static final String CONTENT_TYPE_HEADER = "Content-Type";

    private HttpBinding() {
    }

    public static String header(String attribute) {
        return CloudEvents.DATACONTENTTYPE.equals(attribute) ? CONTENT_TYPE_HEADER : PREFIX + attribute;
    }

    /** The headers of an event, in attribute order, values encoded for HTTP. */
    public static Map<String, String> headers(Map<String, String> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach((name, value) -> out.put(header(name), CloudEvents.DATACONTENTTYPE.equals(name) ? value : encode(value)));
        return out;
    }

    /** The attributes of a request's headers (names are case-insensitive in HTTP; others ignored). */
    public static Map<String, String> attributes(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-type")) {
                out.put(CloudEvents.DATACONTENTTYPE, value);
            } else if (lower.startsWith(PREFIX)) {
                out.put(lower.substring(PREFIX.length()), decode(value));
            }
        });
        return out;
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c == '"' || c == '%' || c >= 0x7f) {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    static String decode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < value.length()) {
            int c = value.codePointAt(i);
            if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) && hex(value.charAt(i + 2))) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
