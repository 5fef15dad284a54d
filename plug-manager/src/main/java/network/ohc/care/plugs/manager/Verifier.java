package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the fetched plugs against each other, against core and against the deployer's config, before anything
 * is built into the app: descriptor, core range, required plugs (and their order), duplicate names, library
 * versions, config keys, required config and value types.
 */
final class Verifier {
    private final String file;
    private final String coreVersion;
    private final Map<String, String> coreLibraries;
    private final String sdkVersion;
    private final List<Problem> problems = new ArrayList<>();
    private java.util.Set<String> signalTypes = java.util.Set.of();
    private java.util.Set<String> plugNames = java.util.Set.of();
    private Map<String, java.util.Set<String>> plugSignalTypes = Map.of();
    /** Every plug listed in the file, enabled or not (a disabled plug's type is named as such). */
    private Map<String, PlugRequest> listed = Map.of();

    Verifier(String file, String coreVersion, Map<String, String> coreLibraries) {
        this(file, coreVersion, coreLibraries, null);
    }

    /** {@code sdkVersion}: the plug SDK's API version (semver) a plug's {@code sdk} range is checked against; null skips it. */
    Verifier(String file, String coreVersion, Map<String, String> coreLibraries, String sdkVersion) {
        this.file = file;
        this.coreVersion = coreVersion;
        this.coreLibraries = coreLibraries;
        this.sdkVersion = sdkVersion;
    }

    /** The signal types core publishes (from care-bus-contracts); when set, signal-types values are checked against them. */
    Verifier signalTypes(java.util.Set<String> types) {
        this.signalTypes = java.util.Set.copyOf(types);
        return this;
    }

    /**
     * The signal types each plug of the build declares in its contract jar (descriptor key {@code contracts}); a
     * {@code signal-types} value may name these besides core's.
     */
    Verifier plugSignalTypes(Map<String, java.util.Set<String>> types) {
        this.plugSignalTypes = Map.copyOf(types);
        return this;
    }

    List<Problem> problems() {
        return problems;
    }

    private void problem(PlugRequest plug, String key, String message) {
        int line = plug.line();
        if (key.contains(".config.")) {
            var e = plug.config().get(key.substring(key.indexOf(".config.") + ".config.".length()));
            if (e != null) {
                line = e.line();
            }
        }
        problems.add(new Problem(file, line, key, message));
    }

    /** Verifies and returns the plugs in dependency order (a plug after the plugs it requires). */
    List<ResolvedPlug> verify(List<ResolvedPlug> plugs, Map<String, PlugRequest> all) {
        plugNames = plugs.stream().map(p -> p.request().name()).collect(java.util.stream.Collectors.toSet());
        listed = all;
        Map<String, ResolvedPlug> byName = new LinkedHashMap<>();
        Map<String, String> seenDescriptorNames = new HashMap<>();
        for (ResolvedPlug p : plugs) {
            String name = p.request().name();
            PlugDescriptor d = p.descriptor();
            for (String defect : d.defects()) {
                problem(p.request(), "plug." + name + ".source", "the plug's descriptor is broken: " + defect);
            }
            if (!d.name().equals(name)) {
                problem(p.request(), "plug." + name + ".source", "this artifact is the plug '" + d.name() + "', not '" + name + "'");
            }
            String other = seenDescriptorNames.put(d.name(), name);
            if (other != null) {
                problem(p.request(), "plug." + name + ".source", "plugs '" + other + "' and '" + name + "' are the same plug ('"
                        + d.name() + "'); list it once");
            }
            if (!d.coreRange().isBlank() && !Versions.inRange(coreVersion, d.coreRange())) {
                problem(p.request(), "plug." + name + ".version", name + " " + d.version() + " needs core " + d.coreRange()
                        + ", but this core is " + coreVersion + "; pick a version of the plug made for it");
            }
            if (sdkVersion != null && !d.sdkRange().isBlank() && !Versions.inRange(sdkVersion, d.sdkRange())) {
                problem(p.request(), "plug." + name + ".version", name + " " + d.version() + " is written for plug SDK " + d.sdkRange()
                        + ", but this Care has plug SDK " + sdkVersion + "; pick a version of the plug made for it");
            }
            checkConfig(p);
            try {
                for (String m : MigrationCheck.check(p.runtimeJar(), d.name())) {
                    problem(p.request(), "plug." + name + ".source", "refused migration " + m);
                }
                for (Path jar : new Path[] {p.runtimeJar(), p.deploymentJar()}) {
                    if (jar != null && Files.exists(jar)) {
                        for (String r : CoreReferences.inJar(jar)) {
                            problem(p.request(), "plug." + name + ".source", r + ": a plug may use plug-sdk, bus-contracts and "
                                    + "Quarkus/Jakarta APIs only, never core's internals (" + jar.getFileName() + ")");
                        }
                    }
                }
            } catch (java.io.IOException e) {
                problem(p.request(), "plug." + name + ".source", "cannot read " + p.runtimeJar() + ": " + e.getMessage());
            }
            byName.put(name, p);
        }
        for (ResolvedPlug p : plugs) {
            for (PlugDescriptor.Requirement r : p.descriptor().requires()) {
                ResolvedPlug dep = byName.get(r.plug());
                String name = p.request().name();
                if (dep == null) {
                    PlugRequest listed = all.get(r.plug());
                    problem(p.request(), "plugs", name + " needs the plug '" + r.plug() + "'" + (r.range().isBlank() ? "" : " " + r.range())
                            + (listed != null && !listed.enabled() ? ", which is disabled (plug." + r.plug() + ".enabled=false)"
                                    : ", which is not in this deployment: add it to 'plugs'"));
                } else if (!r.range().isBlank() && !Versions.inRange(dep.version(), r.range())) {
                    problem(dep.request(), "plug." + r.plug() + ".version", name + " needs " + r.plug() + " " + r.range() + ", but "
                            + dep.version() + " is configured");
                }
            }
        }
        checkLibraries(plugs);
        return order(plugs, byName);
    }

    private void checkConfig(ResolvedPlug p) {
        String name = p.request().name();
        Map<String, PlugDescriptor.ConfigKey> schema = p.descriptor().config();
        for (var e : p.request().config().entrySet()) {
            PlugDescriptor.ConfigKey k = PlugDescriptor.find(schema, e.getKey());
            if (k == null) {
                problem(p.request(), "plug." + name + ".config." + e.getKey(), "the plug has no setting '" + e.getKey() + "'"
                        + Suggest.didYouMean(e.getKey(), concrete(schema.keySet(), e.getKey())));
                continue;
            }
            String error = PlugDescriptor.typeError(k.type(), e.getValue().value());
            if (error != null) {
                problem(p.request(), "plug." + name + ".config." + e.getKey(), "'" + e.getValue().value() + "' " + error + " (" + k.type()
                        + ")");
            } else if (k.type().equals("signal-types") || k.type().equals("core-signal-types")) {
                String unknown = unknownSignalType(e.getValue().value(), k.type().equals("core-signal-types"));
                if (unknown != null) {
                    problem(p.request(), "plug." + name + ".config." + e.getKey(), whyUnknown(unknown, name, k.type().equals("core-signal-types")));
                }
            }
        }
        for (PlugDescriptor.ConfigKey k : schema.values()) {
            var with = k.requiredWith() == null ? null : p.request().config().get(k.requiredWith());
            if (with != null && !p.request().config().containsKey(k.key())) {
                problems.add(new Problem(file, with.line(), "plug." + name + ".config." + k.key(), "required with "
                        + k.requiredWith() + " and not set" + (k.secret() ? "; use ${ENV_VAR} so the secret stays out of the file" : "")));
            }
        }
        for (PlugDescriptor.ConfigKey k : schema.values()) {
            if (k.required() && k.defaultValue() == null && !k.key().contains("*") && !p.request().config().containsKey(k.key())) {
                problem(p.request(), "plug." + name + ".config." + k.key(), "required by " + name + " and not set"
                        + (k.description().isBlank() ? "" : " (" + k.description() + ")")
                        + (k.secret() ? "; use ${ENV_VAR} so the secret stays out of the file" : ""));
            }
        }
    }

    /**
     * The first type of {@code value} no contract of the build declares: neither core's nor one of an enabled plug's
     * contract jar (with {@code coreOnly}, not core's); null if none.
     */
    private String unknownSignalType(String value, boolean coreOnly) {
        if (signalTypes.isEmpty() || value.contains("${")) {
            return null;
        }
        for (String t : value.split(",")) {
            String type = t.strip();
            if (!type.equals("*") && !signalTypes.contains(type) && (coreOnly || !declaredByAPlug(type))) {
                return type;
            }
        }
        return null;
    }

    private boolean declaredByAPlug(String type) {
        return plugSignalTypes.values().stream().anyMatch(types -> types.contains(type));
    }

    /** Why {@code type} cannot be taken by {@code plug}'s setting: whose type it would be, and what is known instead. */
    private String whyUnknown(String type, String plug, boolean coreOnly) {
        String owner = prefix(type);
        PlugRequest listedOwner = listed.get(owner);
        if (coreOnly && listedOwner != null) {
            return "'" + type + "' is a plug's signal type; " + plug + " takes core's signal types only";
        }
        if (listedOwner != null && !listedOwner.enabled()) {
            return "'" + type + "' would be a signal type of the plug " + owner + ", which is disabled (plug." + owner
                    + ".enabled=false)";
        }
        if (plugNames.contains(owner)) {
            java.util.Set<String> declared = plugSignalTypes.getOrDefault(owner, java.util.Set.of());
            return "unknown signal type '" + type + "': " + (declared.isEmpty()
                    ? owner + " declares no signal types (its descriptor names no contract jar, key contracts)"
                    : "the contract jar of " + owner + " declares " + String.join(", ", new java.util.TreeSet<>(declared)))
                    + Suggest.didYouMean(type, declared);
        }
        java.util.Set<String> known = new java.util.TreeSet<>(signalTypes);
        if (!coreOnly) {
            plugSignalTypes.values().forEach(known::addAll);
        }
        return "unknown signal type '" + type + "'" + Suggest.didYouMean(type, known);
    }

    private static String prefix(String type) {
        return type.substring(0, type.indexOf('.'));
    }

    /** Schema keys with each {@code *} filled from {@code given}'s segment, so suggestions read as real keys. */
    static List<String> concrete(java.util.Collection<String> keys, String given) {
        String[] g = given.split("\\.");
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String[] parts = k.split("\\.");
            if (k.contains("*") && parts.length == g.length) {
                for (int i = 0; i < parts.length; i++) {
                    if (parts[i].equals("*")) {
                        parts[i] = g[i];
                    }
                }
                out.add(String.join(".", parts));
            } else {
                out.add(k);
            }
        }
        return out;
    }

    /** A plug pinning a library at another version than core (or another plug) would be silently overridden: refuse it. */
    private void checkLibraries(List<ResolvedPlug> plugs) {
        Map<String, String> wantedBy = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        for (ResolvedPlug p : plugs) {
            Map<String, String> declared;
            try {
                declared = declaredDependencies(p);
            } catch (Exception e) {
                continue;
            }
            for (var d : declared.entrySet()) {
                String core = coreLibraries.get(d.getKey());
                if (core != null && !core.equals(d.getValue())) {
                    problem(p.request(), "plug." + p.request().name() + ".version", p.request().name() + " pins " + d.getKey() + ":"
                            + d.getValue() + " but core uses " + core + "; the plug must use core's version");
                }
                String prev = versions.putIfAbsent(d.getKey(), d.getValue());
                if (prev != null && !prev.equals(d.getValue())) {
                    problem(p.request(), "plug." + p.request().name() + ".version", p.request().name() + " pins " + d.getKey() + ":"
                            + d.getValue() + " but " + wantedBy.get(d.getKey()) + " pins " + prev);
                } else {
                    wantedBy.putIfAbsent(d.getKey(), p.request().name());
                }
            }
        }
    }

    /** Dependencies with an explicit version in the plug's own pom (inside its runtime jar). */
    static Map<String, String> declaredDependencies(ResolvedPlug p) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (ZipFile zip = new ZipFile(p.runtimeJar().toFile())) {
            String[] c = p.coordinates().split(":");
            ZipEntry e = zip.getEntry("META-INF/maven/" + c[0] + "/" + c[1] + "/pom.xml");
            if (e == null) {
                return out;
            }
            Document doc;
            try (InputStream in = zip.getInputStream(e)) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                doc = f.newDocumentBuilder().parse(in);
            }
            Map<String, String> props = new HashMap<>();
            NodeList propNodes = doc.getElementsByTagName("properties");
            if (propNodes.getLength() > 0) {
                NodeList children = propNodes.item(0).getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    if (children.item(i) instanceof Element el) {
                        props.put(el.getTagName(), el.getTextContent().strip());
                    }
                }
            }
            NodeList deps = doc.getElementsByTagName("dependency");
            for (int i = 0; i < deps.getLength(); i++) {
                Element d = (Element) deps.item(i);
                if (d.getParentNode().getParentNode() instanceof Element parent && parent.getTagName().equals("dependencyManagement")) {
                    continue;
                }
                String g = text(d, "groupId");
                String a = text(d, "artifactId");
                String v = text(d, "version");
                if (g == null || a == null || v == null) {
                    continue;
                }
                if (v.startsWith("${") && v.endsWith("}")) {
                    v = props.get(v.substring(2, v.length() - 1));
                }
                if (v != null && !v.contains("$")) {
                    out.put(g + ":" + a, v);
                }
            }
        } catch (IOException e) {
            throw e;
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
    }

    private List<ResolvedPlug> order(List<ResolvedPlug> plugs, Map<String, ResolvedPlug> byName) {
        List<ResolvedPlug> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (ResolvedPlug p : plugs) {
            visit(p, byName, state, out, new ArrayList<>());
        }
        return out;
    }

    private void visit(ResolvedPlug p, Map<String, ResolvedPlug> byName, Map<String, Integer> state, List<ResolvedPlug> out,
            List<String> path) {
        String name = p.request().name();
        Integer s = state.get(name);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            path.add(name);
            problem(p.request(), "plugs", "plugs require each other in a cycle: " + String.join(" -> ", path));
            return;
        }
        state.put(name, 1);
        path.add(name);
        for (PlugDescriptor.Requirement r : p.descriptor().requires()) {
            ResolvedPlug dep = byName.get(r.plug());
            if (dep != null) {
                visit(dep, byName, state, out, new ArrayList<>(path));
            }
        }
        state.put(name, 2);
        out.add(p);
    }
}
