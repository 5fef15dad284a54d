package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Brings one plug's artifacts into the local Maven repository: resolved from a repository, or built from git or a folder. */
final class Fetcher {
    /** A fetch that failed, with the message for the deployer. */
    static final class FetchFailed extends Exception {
        final String key;

        FetchFailed(String key, String message) {
            super(message);
            this.key = key;
        }
    }

    private final Tools tools;
    private final Path configDir;
    private final Path sourcesDir;
    private final Path bundleSources;
    private final List<DeploymentConfig.Repository> repositories;

    Fetcher(Tools tools, Path configDir, Path sourcesDir, Path bundleSources, List<DeploymentConfig.Repository> repositories) {
        this.tools = tools;
        this.configDir = configDir;
        this.sourcesDir = sourcesDir;
        this.bundleSources = bundleSources;
        this.repositories = repositories;
    }

    ResolvedPlug fetch(PlugRequest plug) throws Exception {
        String name = plug.name();
        if (plug.source() instanceof PlugRequest.MavenSource m) {
            String coords = m.groupId() + ":" + m.artifactId() + ":" + plug.version();
            get(name, coords);
            Path runtime = tools.artifact(coords);
            PlugDescriptor d = descriptor(name, runtime);
            get(name, d.deploymentArtifact());
            if (!d.contracts().isEmpty()) {
                get(name, d.contracts()); // its signal types are checked against the deployer's config
            }
            return resolved(plug, coords, d, null, runtime);
        }
        Path dir;
        String commit = null;
        if (plug.source() instanceof PlugRequest.GitSource g) {
            dir = sourcesDir.resolve(name);
            deleteTree(dir);
            Files.createDirectories(dir.getParent());
            String from = g.url();
            if (tools.offline) {
                Path bundled = bundleSources == null ? null : bundleSources.resolve(name);
                if (bundled == null || !Files.isDirectory(bundled)) {
                    throw new FetchFailed("plug." + name + ".source", "offline, and the bundle holds no git sources for '" + name
                            + "' (make the bundle with ./care bundle DIR from this plug-config.properties)");
                }
                from = bundled.toUri().toString();
            }
            try {
                tools.run(name + "-clone", List.of("git", "clone", "--quiet", from, dir.toString()), null);
            } catch (Tools.CommandFailed e) {
                throw new FetchFailed("plug." + name + ".source", "cannot clone " + g.url() + ": " + lastLine(e.output));
            }
            try {
                tools.run(name + "-checkout", List.of("git", "-C", dir.toString(), "-c", "advice.detachedHead=false", "checkout", "--quiet",
                        "--detach", plug.version()), null);
            } catch (Tools.CommandFailed e) {
                throw new FetchFailed("plug." + name + ".version", "'" + plug.version() + "' is not a tag, branch or commit of " + g.url());
            }
            commit = tools.run(name + "-rev", List.of("git", "-C", dir.toString(), "rev-parse", "HEAD"), null).strip();
            if (bundleSources != null && !tools.offline) {
                Path keep = bundleSources.resolve(name);
                deleteTree(keep);
                Files.createDirectories(bundleSources);
                tools.run(name + "-bundle", List.of("git", "clone", "--quiet", "--mirror", g.url(), keep.toString()), null);
            }
        } else {
            dir = configDir.resolve(((PlugRequest.PathSource) plug.source()).path()).normalize();
            if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
                throw new FetchFailed("plug." + name + ".source", "no Maven project at " + dir + " (expected " + dir.resolve("pom.xml") + ")");
            }
        }
        try {
            // clean: a folder's target/ may still hold files since deleted from its sources (a migration, say).
            tools.run(name + "-build", tools.maven("-f", dir.resolve("pom.xml").toString(), "clean", "install", "-DskipTests"), null);
        } catch (Tools.CommandFailed e) {
            throw new FetchFailed("plug." + name + ".source", "building the plug failed:\n" + e.output);
        }
        Path runtime = findRuntimeJar(name, dir);
        String coords = coordinates(runtime);
        if (plug.version() != null && plug.source() instanceof PlugRequest.PathSource
                && !plug.version().equals(coords.split(":")[2])) {
            throw new FetchFailed("plug." + name + ".version", "the folder builds version " + coords.split(":")[2] + ", not "
                    + plug.version());
        }
        PlugDescriptor d = descriptor(name, runtime);
        return resolved(plug, coords, d, commit, tools.artifact(coords));
    }

    private ResolvedPlug resolved(PlugRequest plug, String coords, PlugDescriptor d, String commit, Path runtime) throws Exception {
        Path deployment = tools.artifact(d.deploymentArtifact());
        if (!Files.exists(deployment)) {
            throw new FetchFailed("plug." + plug.name() + ".source", "deployment artifact " + d.deploymentArtifact() + " is missing");
        }
        return new ResolvedPlug(plug, coords, d.deploymentArtifact(), coords.split(":")[2], commit, runtime, deployment, d,
                Tools.sha256(runtime), Tools.sha256(deployment));
    }

    private void get(String name, String coords) throws Exception {
        if (Files.exists(tools.artifact(coords)) && (tools.offline || !coords.endsWith("-SNAPSHOT"))) {
            return;
        }
        StringBuilder repos = new StringBuilder("central::default::https://repo.maven.apache.org/maven2");
        for (DeploymentConfig.Repository r : repositories) {
            repos.append(',').append(r.id()).append("::default::").append(r.url());
        }
        try {
            tools.run(name + "-resolve", tools.maven("org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get", "-Dartifact=" + coords,
                    "-Dtransitive=false", "-DremoteRepositories=" + repos), null);
        } catch (Tools.CommandFailed e) {
            throw new FetchFailed("plug." + name + ".version", coords + " was not found in the Maven repositories (central"
                    + repositories.stream().map(r -> ", " + r.id()).reduce("", String::concat) + ")" + (tools.offline ? " nor in the bundle" : ""));
        }
    }

    private PlugDescriptor descriptor(String name, Path runtime) throws Exception {
        PlugDescriptor d = PlugDescriptor.read(runtime);
        if (d == null) {
            throw new FetchFailed("plug." + name + ".source", runtime.getFileName() + " has no plug descriptor (" + PlugDescriptor.PATH
                    + "): it is not a Care plug");
        }
        return d;
    }

    private static Path findRuntimeJar(String name, Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar") && p.getParent().getFileName().toString().equals("target")
                    && !p.getFileName().toString().endsWith("-sources.jar")).toList()) {
                if (PlugDescriptor.read(jar) != null) {
                    return jar;
                }
            }
        }
        throw new FetchFailed("plug." + name + ".source", dir + " builds no jar with a plug descriptor (" + PlugDescriptor.PATH + ")");
    }

    /** g:a:v of a jar built by Maven, from its META-INF/maven/.../pom.properties. */
    static String coordinates(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = zip.getInputStream(e)) {
                        p.load(in);
                    }
                    return p.getProperty("groupId") + ":" + p.getProperty("artifactId") + ":" + p.getProperty("version");
                }
            }
        }
        throw new IOException(jar + " has no Maven coordinates");
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
