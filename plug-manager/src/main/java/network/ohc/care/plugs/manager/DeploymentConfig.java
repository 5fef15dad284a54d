package network.ohc.care.plugs.manager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * plug-config.properties, checked: every mistake becomes one {@link Problem} with file, line and key, and what
 * would be valid. Nothing is fetched or built here.
 * <pre>
 * plugs=census,webhooks
 * repository.internal.url=https://maven.example.org/releases
 * plug.census.source=org.example.care:care-census     (or git+https://…, git+file://…, path:dir)
 * plug.census.version=1.2.0
 * plug.census.enabled=true
 * plug.census.config.interval=PT5M
 * </pre>
 */
public final class DeploymentConfig {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+/-]{0,99}");
    static final Pattern COORDS = Pattern.compile("([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)");
    static final Pattern CONFIG_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    static final List<String> TOP = List.of("plugs", "plug.<name>.source", "plug.<name>.version", "plug.<name>.enabled",
            "plug.<name>.config.<key>", "repository.<id>.url");
    static final List<String> PLUG_ATTRIBUTES = List.of("source", "version", "enabled");

    public record Repository(String id, String url, int line) {
    }

    private final Map<String, PlugRequest> plugs = new LinkedHashMap<>();
    private final List<Repository> repositories = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    public static DeploymentConfig check(LocatedProperties file) {
        DeploymentConfig c = new DeploymentConfig();
        c.problems.addAll(file.problems());
        c.read(file);
        return c;
    }

    public Map<String, PlugRequest> plugs() {
        return plugs;
    }

    /** Enabled plugs, in the order listed. */
    public List<PlugRequest> enabled() {
        return plugs.values().stream().filter(PlugRequest::enabled).toList();
    }

    public List<Repository> repositories() {
        return repositories;
    }

    public List<Problem> problems() {
        return problems;
    }

    private void problem(LocatedProperties f, LocatedProperties.Entry e, String message) {
        problems.add(new Problem(f.file(), e == null ? 0 : e.line(), e == null ? "" : e.key(), message));
    }

    private void read(LocatedProperties f) {
        // 1. The list of plugs.
        LocatedProperties.Entry list = f.get("plugs");
        Set<String> listed = new LinkedHashSet<>();
        if (list != null && !list.value().isBlank()) {
            for (String raw : list.value().split(",", -1)) {
                String name = raw.strip();
                if (name.isEmpty()) {
                    problem(f, list, "an empty plug name (two commas, or a trailing comma)");
                } else if (!NAME.matcher(name).matches()) {
                    problem(f, list, "'" + name + "' is not a valid plug name: lower-case letters, digits and '-', starting with a letter");
                } else if (!listed.add(name)) {
                    problem(f, list, "plug '" + name + "' is listed twice");
                }
            }
        }
        // 2. Every other key.
        Map<String, Map<String, LocatedProperties.Entry>> attrs = new HashMap<>();
        Map<String, Map<String, LocatedProperties.Entry>> configs = new HashMap<>();
        Map<String, LocatedProperties.Entry> repoUrls = new LinkedHashMap<>();
        Map<String, Set<String>> misspelt = new HashMap<>();
        for (LocatedProperties.Entry e : f.entries().values()) {
            String key = e.key();
            String expression = Expressions.error(e.value());
            if (expression != null) {
                problem(f, e, expression);
                continue;
            }
            if (key.equals("plugs")) {
                continue;
            }
            String[] parts = key.split("\\.", 3);
            if (parts[0].equals("plug") && parts.length >= 3) {
                String name = parts[1];
                String rest = parts[2];
                if (!listed.contains(name)) {
                    problem(f, e, "plug '" + name + "' is not listed in 'plugs'" + (list == null ? " (there is no 'plugs' line)"
                            : " (line " + list.line() + ")") + Suggest.didYouMean(name, listed).replace("valid:", "listed:"));
                    continue;
                }
                if (rest.startsWith("config.")) {
                    String ck = rest.substring("config.".length());
                    if (!CONFIG_KEY.matcher(ck).matches()) {
                        problem(f, e, "'" + ck + "' is not a valid config key: lower-case letters, digits, '.' and '-'");
                        continue;
                    }
                    configs.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(ck, e);
                } else if (PLUG_ATTRIBUTES.contains(rest)) {
                    attrs.computeIfAbsent(name, k -> new HashMap<>()).put(rest, e);
                } else {
                    String hint = Suggest.didYouMean(rest, List.of("source", "version", "enabled", "config.<key>"));
                    problem(f, e, "unknown setting '" + rest + "'" + hint);
                    // A misspelt attribute is one mistake: don't also report the attribute as missing.
                    for (String a : PLUG_ATTRIBUTES) {
                        if (hint.equals("; did you mean '" + a + "'?")) {
                            misspelt.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(a);
                        }
                    }
                }
            } else if (parts[0].equals("repository") && parts.length == 3) {
                if (!parts[2].equals("url")) {
                    problem(f, e, "unknown setting '" + parts[2] + "'; valid: url");
                } else if (!parts[1].matches("[A-Za-z0-9_-]+")) {
                    problem(f, e, "repository id '" + parts[1] + "' may hold letters, digits, '_' and '-' only");
                } else {
                    repoUrls.put(parts[1], e);
                }
            } else {
                problem(f, e, "unknown setting" + Suggest.didYouMean(key, TOP));
            }
        }
        // 3. Repositories.
        for (Map.Entry<String, LocatedProperties.Entry> r : repoUrls.entrySet()) {
            String url = r.getValue().value();
            if (UrlCredentials.present(url)) {
                problem(f, r.getValue(), "'" + UrlCredentials.redacted(url) + "' holds credentials; " + UrlCredentials.MAVEN_HINT
                        + " (they would otherwise be written into the build)");
            } else if (!url.matches("(https?|file):/.+")) {
                problem(f, r.getValue(), "'" + url + "' is not a repository URL: use https://…, http://… or file:/…");
            } else {
                repositories.add(new Repository(r.getKey(), url, r.getValue().line()));
            }
        }
        // 4. Each listed plug.
        for (String name : listed) {
            Map<String, LocatedProperties.Entry> a = attrs.getOrDefault(name, Map.of());
            LocatedProperties.Entry source = a.get("source");
            LocatedProperties.Entry version = a.get("version");
            LocatedProperties.Entry enabled = a.get("enabled");
            boolean on = true;
            if (enabled != null) {
                switch (enabled.value().toLowerCase()) {
                    case "true" -> on = true;
                    case "false" -> on = false;
                    default -> problem(f, enabled, "'" + enabled.value() + "' is not true or false");
                }
            }
            Set<String> typo = misspelt.getOrDefault(name, Set.of());
            if ((source == null && typo.contains("source")) || (version == null && typo.contains("version"))) {
                continue;
            }
            if (source == null || source.value().isBlank()) {
                problems.add(new Problem(f.file(), source != null ? source.line() : list.line(), "plug." + name + ".source",
                        "plug '" + name + "' needs a source: group:artifact, git+https://…, git+file://… or path:dir"));
                continue;
            }
            if (source.value().startsWith("git+") && UrlCredentials.present(source.value().substring(4))) {
                problem(f, source, "'" + UrlCredentials.redacted(source.value()) + "' holds credentials, which would be written to "
                        + "plugs.lock and shown by GET /api/v1/plugs; " + UrlCredentials.GIT_HINT);
                continue;
            }
            PlugRequest.Source src = parseSource(source.value());
            if (src == null) {
                problem(f, source, "'" + source.value() + "' is not a source: use group:artifact (Maven), git+https://… or "
                        + "git+file://… (git, with a tag or commit as version), or path:dir (a local folder)");
                continue;
            }
            String v = version == null ? null : version.value();
            if (v != null && !VERSION.matcher(v).matches()) {
                problem(f, version, "'" + v + "' is not a version, tag or commit");
                continue;
            }
            if (v == null && !(src instanceof PlugRequest.PathSource)) {
                problems.add(new Problem(f.file(), source.line(), "plug." + name + ".version", "plug '" + name + "' needs a version: "
                        + (src instanceof PlugRequest.GitSource ? "a git tag or commit" : "a Maven version such as 1.2.0")));
                continue;
            }
            plugs.put(name, new PlugRequest(name, src, v, on, configs.getOrDefault(name, Map.of()), source.line()));
        }
    }

    static PlugRequest.Source parseSource(String spec) {
        if (spec.startsWith("git+https://") || spec.startsWith("git+file://") || spec.startsWith("git+ssh://")) {
            String url = spec.substring(4);
            return url.length() > "file://".length() + 1 ? new PlugRequest.GitSource(spec, url) : null;
        }
        if (spec.startsWith("path:")) {
            String p = spec.substring(5).strip();
            return p.isEmpty() ? null : new PlugRequest.PathSource(spec, p);
        }
        var m = COORDS.matcher(spec);
        if (m.matches()) {
            return new PlugRequest.MavenSource(spec, m.group(1), m.group(2));
        }
        return null;
    }
}
