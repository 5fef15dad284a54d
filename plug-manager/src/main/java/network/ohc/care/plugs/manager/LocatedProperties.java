package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A .properties file read with the line of every key, so each mistake can be reported where it is.
 * Supports what deployers write: {@code key=value} or {@code key: value}, comments, blank lines, and
 * backslash line continuations. A key given twice is a mistake, not a silent override.
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

    public static LocatedProperties read(Path path) throws IOException {
        return parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
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
            p.entries.put(key, new Entry(key, unescape(value), lineNo));
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

    private static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
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
