package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The plug manager, run by {@code ./care build}:
 * <pre>
 * check    --config FILE                      check the file only (no network, nothing built)
 * prepare  --config FILE --root DIR --out DIR [--locked] [--offline] [--bundle DIR] [--repo-local DIR]
 *          fetch, verify and lock the plugs, and write the deployment project to --out
 * explain  --config FILE --out DIR --log FILE
 *          after the deployment project's build failed: one line per failing plug build step
 * store-jars DIR
 *          rewrite the built app's jars under DIR with stored (not deflated) entries, for a faster start
 * deflate-jars DIR
 *          the other way, for the container image, whose starts map the classes from its class archive
 * </pre>
 * Exit codes: 0 ok, 2 mistakes in the configuration (each printed with file, line and key), 3 a plug failed
 * to fetch or build.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<String> flags = new ArrayList<>();
        String command = args.length == 0 ? "help" : args[0];
        if (command.equals("store-jars") && args.length == 2) {
            int n = StoredJars.store(Path.of(args[1]));
            System.out.println(n + " jar(s) rewritten with stored entries");
            return 0;
        }
        if (command.equals("deflate-jars") && args.length == 2) {
            int n = StoredJars.deflate(Path.of(args[1]));
            System.out.println(n + " jar(s) rewritten with deflated entries");
            return 0;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--")
                    && !List.of("--locked", "--offline").contains(args[i])) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                flags.add(args[i].substring(2));
            }
        }
        Path config = Path.of(opts.getOrDefault("config", "plug-config.properties")).toAbsolutePath().normalize();
        if (!Files.exists(config)) {
            System.err.println(config + ": no such file");
            return 2;
        }
        DeploymentConfig dc = DeploymentConfig.check(LocatedProperties.read(config));
        if (!dc.problems().isEmpty()) {
            report(dc.problems());
            return 2;
        }
        if (command.equals("check")) {
            System.out.println(config.getFileName() + ": ok (" + dc.enabled().size() + " enabled plug(s))");
            return 0;
        }
        if (command.equals("explain")) {
            // After a failed Quarkus build of the deployment project: one line per failing plug build step.
            Path out = Path.of(opts.getOrDefault("out", "target/deployment")).toAbsolutePath().normalize();
            String log = Files.readString(Path.of(opts.get("log")));
            for (String line : BuildFailure.explain(log, BuildFailure.readDeployments(out))) {
                System.err.println(line);
            }
            System.err.println("Nothing was built; the last good build is untouched. (Maven's log: " + opts.get("log") + ")");
            return 3;
        }
        if (!command.equals("prepare")) {
            System.err.println("usage: check|prepare --config FILE [--root DIR --out DIR --locked --offline --bundle DIR]");
            return 2;
        }
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path out = Path.of(opts.getOrDefault("out", root.resolve("target/deployment").toString())).toAbsolutePath().normalize();
        Path bundle = opts.containsKey("bundle") ? Path.of(opts.get("bundle")).toAbsolutePath().normalize() : null;
        boolean offline = flags.contains("offline");
        boolean locked = flags.contains("locked");
        Path repoLocal = opts.containsKey("repo-local") ? Path.of(opts.get("repo-local")).toAbsolutePath() : null;
        Tools tools = new Tools(root.resolve("mvnw"), offline, repoLocal, root.resolve("target/plug-build/logs"));

        String coreVersion = opts.getOrDefault("core-version", "0.1.0-SNAPSHOT");
        Map<String, String> coreLibraries = coreLibraries(tools.artifact("network.ohc.care:care-core:" + coreVersion));

        List<PlugRequest> enabled = dc.enabled();
        Fetcher fetcher = new Fetcher(tools, config.getParent(), root.resolve("target/plug-build/sources"),
                bundle == null ? null : bundle.resolve("sources"), dc.repositories());
        List<ResolvedPlug> resolved = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int i = 0;
        for (PlugRequest p : enabled) {
            i++;
            long t0 = System.nanoTime();
            System.out.printf("[%d/%d] %-12s fetching %s%s ...%n", i, enabled.size(), p.name(), p.source().spec(),
                    p.version() == null ? "" : " @ " + p.version());
            try {
                ResolvedPlug r = fetcher.fetch(p);
                resolved.add(r);
                System.out.printf("[%d/%d] %-12s ok: %s%s (%.1f s)%n", i, enabled.size(), p.name(), r.coordinates(),
                        r.commit() == null ? "" : " commit " + r.commit().substring(0, 12), (System.nanoTime() - t0) / 1e9);
            } catch (Fetcher.FetchFailed e) {
                problems.add(new Problem(config.getFileName().toString(), lineOf(p, e.key), e.key, e.getMessage()));
            } catch (Tools.CommandFailed e) {
                problems.add(new Problem(config.getFileName().toString(), p.line(), "plug." + p.name() + ".source",
                        e.getMessage() + "\n" + e.output));
            }
        }
        if (!problems.isEmpty()) {
            report(problems);
            return 3;
        }
        for (PlugRequest p : dc.plugs().values()) {
            if (!p.enabled()) {
                System.out.printf("      %-12s disabled: left out of the image (its data stays in the database)%n", p.name());
            }
        }
        Verifier verifier = new Verifier(config.getFileName().toString(), coreVersion, coreLibraries,
                sdkVersion(tools.artifact("network.ohc.care:care-plug-sdk:" + coreVersion)))
                .signalTypes(signalTypes(tools.artifact("network.ohc.care:care-bus-contracts:" + coreVersion)))
                .plugSignalTypes(plugSignalTypes(resolved, tools::artifact));
        List<ResolvedPlug> ordered = verifier.verify(resolved, dc.plugs());
        if (!verifier.problems().isEmpty()) {
            report(verifier.problems());
            return 2;
        }
        Path lock = config.resolveSibling("plugs.lock");
        if (locked) {
            List<Problem> drift = LockFile.drift(lock, ordered);
            if (!drift.isEmpty()) {
                report(drift);
                return 2;
            }
            System.out.println("plugs.lock: every plug matches the lock");
        } else {
            // ./care moves it next to the config once the image is built, so a failed build leaves the old lock.
            Files.createDirectories(out);
            LockFile.write(out.resolve("plugs.lock"), ordered);
        }
        BuildFailure.writeDeployments(out, ordered);
        DeploymentWriter.write(out, root.resolve("pom.xml"), coreVersion, root.resolve("application.properties"), ordered,
                dc.repositories());
        summary(ordered);
        return 0;
    }

    private static int lineOf(PlugRequest p, String key) {
        if (key != null && key.contains(".config.")) {
            var e = p.config().get(key.substring(key.indexOf(".config.") + 8));
            if (e != null) {
                return e.line();
            }
        }
        return p.line();
    }

    static void report(List<Problem> problems) {
        System.err.println(problems.size() == 1 ? "1 mistake:" : problems.size() + " mistakes:");
        for (Problem p : problems) {
            System.err.println("  " + p);
        }
        System.err.println("Nothing was built; the last good build is untouched.");
    }

    private static void summary(List<ResolvedPlug> plugs) {
        if (plugs.isEmpty()) {
            System.out.println("No plugs: the image holds core only.");
            return;
        }
        String fmt = "%-12s %-16s %-44s %-12s%n";
        System.out.printf(fmt, "PLUG", "VERSION", "SOURCE", "COMMIT");
        for (ResolvedPlug p : plugs) {
            String src = p.request().source().spec();
            System.out.printf(fmt, p.request().name(), p.version(), src.length() > 44 ? "…" + src.substring(src.length() - 43) : src,
                    p.commit() == null ? "-" : p.commit().substring(0, 12));
        }
    }

    /** The plug SDK's API version, from the SDK jar ({@code META-INF/care/plug-sdk.properties}); null if unknown. */
    static String sdkVersion(Path sdkJar) throws IOException {
        if (!Files.exists(sdkJar)) {
            return null;
        }
        try (ZipFile zip = new ZipFile(sdkJar.toFile())) {
            ZipEntry e = zip.getEntry("META-INF/care/plug-sdk.properties");
            if (e == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            try (InputStream in = zip.getInputStream(e)) {
                p.load(in);
            }
            return p.getProperty("version");
        }
    }

    /** g:a -> version of every library core resolves, from the list core's build puts in its jar. */
    static Map<String, String> coreLibraries(Path coreJar) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!Files.exists(coreJar)) {
            return out;
        }
        try (ZipFile zip = new ZipFile(coreJar.toFile())) {
            ZipEntry e = zip.getEntry("META-INF/care/core-dependencies.txt");
            if (e == null) {
                return out;
            }
            try (InputStream in = zip.getInputStream(e)) {
                for (String line : new String(in.readAllBytes()).split("\n")) {
                    String[] p = line.strip().split(":");
                    if (p.length >= 5) {
                        out.put(p[0] + ":" + p[1], p[3]);
                    }
                }
            }
        }
        return out;
    }

    /** The signal types of each plug's contract jar (descriptor key {@code contracts}), by plug name. */
    static Map<String, java.util.Set<String>> plugSignalTypes(List<ResolvedPlug> plugs, java.util.function.Function<String, Path> artifact)
            throws IOException {
        Map<String, java.util.Set<String>> out = new HashMap<>();
        for (ResolvedPlug p : plugs) {
            String contracts = p.descriptor().contracts();
            if (!contracts.isEmpty() && p.descriptor().defects().isEmpty()) {
                out.put(p.request().name(), signalTypes(artifact.apply(contracts)));
            }
        }
        return out;
    }

    /** The signal types of a contract jar (core's or a plug's), from its schema index (one file per type and version). */
    static java.util.Set<String> signalTypes(Path contractsJar) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (!Files.exists(contractsJar)) {
            return out;
        }
        try (ZipFile zip = new ZipFile(contractsJar.toFile())) {
            ZipEntry e = zip.getEntry("META-INF/care/schemas/index.txt");
            if (e == null) {
                return out;
            }
            try (InputStream in = zip.getInputStream(e)) {
                for (String line : new String(in.readAllBytes()).split("\n")) {
                    String file = line.strip();
                    if (file.matches(".+\\.v\\d+\\.schema\\.json")) {
                        out.add(file.replaceAll("\\.v\\d+\\.schema\\.json$", ""));
                    }
                }
            }
        }
        return out;
    }
}
