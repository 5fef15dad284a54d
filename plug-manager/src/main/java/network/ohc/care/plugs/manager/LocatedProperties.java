package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A .properties file read with the line of every key, so each mistake can be reported where it is.
 * Supports what deployers write: {@code key=value} or {@code key: value}, comments, blank lines, backslash line
 * continuations and {@code \\uXXXX} escapes. A key given twice is a mistake, not a silent override.
 */
public final class LocatedProperties {
    public record Entry(String key, String value, int line) {
    }

    private final String file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private LocatedProperties(String file) {
        this.file = file;
    }

    /**
     * Reads the file as UTF-8, the encoding Quarkus reads application.properties in (a UTF-8 byte order mark is
     * skipped). Bytes that are not UTF-8 (a file saved as ISO-8859-1, Java's old properties encoding) are one
     * problem naming the line and column, not a guess: a guessed encoding would silently change a value.
     */
    public static LocatedProperties read(Path path) throws IOException {
        String name = path.getFileName().toString();
        byte[] bytes = Files.readAllBytes(path);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return notUtf8(name, bytes, in.position());
        }
        decoder.flush(out);
        return parse(name, out.flip().toString());
    }

    private static LocatedProperties notUtf8(String name, byte[] bytes, int bad) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // Column in characters of the (valid) text before the bad byte.
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        LocatedProperties p = new LocatedProperties(name);
        p.problems.add(new Problem(name, line, "", String.format("the file is not UTF-8 (byte 0x%02X at column %d); save it as "
                + "UTF-8, e.g. iconv -f ISO-8859-1 -t UTF-8 %s > %s.utf8 && mv %s.utf8 %s", bytes[bad] & 0xff, column, name, name,
                name, name)));
        return p;
    }

    public static LocatedProperties parse(String fileName, String text) {
        LocatedProperties p = new LocatedProperties(fileName);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            StringBuilder logical = new StringBuilder(lines[i].stripLeading());
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].stripLeading());
            }
            String line = logical.toString();
            if (line.isBlank() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = separator(line);
            String key = (sep < 0 ? line : line.substring(0, sep)).strip();
            String value = sep < 0 ? "" : line.substring(sep + 1).strip();
            if (key.isEmpty()) {
                p.problems.add(new Problem(fileName, lineNo, "", "a value without a key"));
                continue;
            }
            if (sep < 0) {
                p.problems.add(new Problem(fileName, lineNo, key, "missing '=' and a value"));
                continue;
            }
            Entry previous = p.entries.get(key);
            if (previous != null) {
                p.problems.add(new Problem(fileName, lineNo, key, "given twice (first on line " + previous.line() + ")"));
                continue;
            }
            String unescaped = unescape(value);
            if (unescaped == null) {
                p.problems.add(new Problem(fileName, lineNo, key, "a \\u escape needs four hex digits, as in \\u00e9"));
                continue;
            }
            p.entries.put(key, new Entry(key, unescaped, lineNo));
        }
        return p;
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int backslashes = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Java's properties escapes; null for a broken {@code \\u} escape. */
    private static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                if (n == 'u') {
                    String hex = v.substring(i + 1, Math.min(v.length(), i + 5));
                    if (!hex.matches("[0-9A-Fa-f]{4}")) {
                        return null;
                    }
                    out.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                    continue;
                }
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'f' -> '\f';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public String file() {
        return file;
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Entry get(String key) {
        return entries.get(key);
    }
}
