package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A plug owns its tables and never changes core's. Its SQL migrations (in its runtime jar) are read statement by
 * statement: naming a core table is allowed only as a foreign key target ({@code REFERENCES core.x}) or in a query;
 * any DDL or DML on the core schema is refused, and migrations must live under {@code db/plugs/<name>/}. The database
 * role the plug runs as enforces the same at run time.
 */
final class MigrationCheck {
    private static final Pattern REFERENCES = Pattern.compile("(?i)\\breferences\\s+(\"?core\"?\\s*\\.\\s*\"?\\w+\"?)");
    private static final Pattern CORE = Pattern.compile("(?i)(\"core\"|\\bcore)\\s*\\.\\s*\"?(\\w+)");
    private static final Pattern WRITES = Pattern.compile(
            "(?is)^\\s*(with\\b.*\\b(insert|update|delete)\\b|alter|drop|truncate|insert|update|delete|merge|copy|grant|revoke|comment|"
                    + "create\\s+(or\\s+replace\\s+)?(unique\\s+)?(index|trigger|rule|policy|table|view|function|procedure|sequence)|"
                    + "lock|cluster|reindex|vacuum|security\\s+label|set\\s+(local\\s+)?(role|session\\s+authorization|search_path))\\b");

    private MigrationCheck() {
    }

    /** Messages for every offending statement in the jar's migrations. */
    static List<String> check(Path runtimeJar, String plug) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(runtimeJar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (e.isDirectory() || !name.endsWith(".sql")) {
                    continue;
                }
                if (!name.startsWith("db/plugs/" + plug + "/")) {
                    if (name.startsWith("db/")) {
                        out.add(name + ": a plug's migrations belong in db/plugs/" + plug + "/ (its own schema), not " + name);
                    }
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    out.addAll(checkSql(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    static List<String> checkSql(String file, String sql) {
        List<String> out = new ArrayList<>();
        for (Statement s : statements(sql)) {
            // String literals may mention core.x freely.
            String text = s.text.replaceAll("'([^']|'')*'", "''");
            String core = REFERENCES.matcher(text).replaceAll("references FK_TARGET");
            Matcher m = CORE.matcher(core);
            boolean touchesCore = m.find();
            boolean setsCorePath = text.toLowerCase(Locale.ROOT).matches("(?s)\\s*set\\s+(local\\s+)?search_path.*\\bcore\\b.*");
            if ((touchesCore && WRITES.matcher(text).find()) || setsCorePath) {
                String[] words = text.strip().split("\\s+", 3);
                String first = words.length > 1 && !words[1].toLowerCase(Locale.ROOT).replace("\"", "").startsWith("core")
                        ? words[0] + " " + words[1] : words[0];
                first = first.toUpperCase(Locale.ROOT);
                out.add(file + ":" + s.line + ": " + first + " on core" + (touchesCore ? "." + m.group(2) : "")
                        + " — a plug may reference core tables (foreign keys, queries) but never change them");
            }
        }
        return out;
    }

    record Statement(String text, int line) {
    }

    /** Splits SQL on ';' outside quotes and comments, dropping comments; keeps each statement's first line. */
    static List<Statement> statements(String sql) {
        List<Statement> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int start = -1;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                line++;
                cur.append(' ');
                continue;
            }
            if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                line += (int) sql.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end - 1;
                cur.append(' ');
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() - 1 : end;
                line += (int) sql.substring(i, end).chars().filter(ch -> ch == '\n').count();
                cur.append(sql, i, end + 1);
                i = end;
                continue;
            }
            if (c == '$' && i + 1 < sql.length() && sql.charAt(i + 1) == '$') {
                int end = sql.indexOf("$$", i + 2);
                end = end < 0 ? sql.length() - 2 : end;
                line += (int) sql.substring(i, end).chars().filter(ch -> ch == '\n').count();
                cur.append(sql, i, end + 2);
                i = end + 1;
                continue;
            }
            if (c == ';') {
                if (!cur.toString().isBlank()) {
                    out.add(new Statement(cur.toString(), start));
                }
                cur.setLength(0);
                start = -1;
                continue;
            }
            if (start < 0 && !Character.isWhitespace(c)) {
                start = line;
            }
            cur.append(c);
        }
        if (!cur.toString().isBlank()) {
            out.add(new Statement(cur.toString(), start));
        }
        return out;
    }
}
