package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Turns a failed Quarkus build (the deployment project's Maven log) into one line per failing build step, naming the
 * plug whose deployment jar holds the step, instead of Maven's stack trace.
 */
final class BuildFailure {
    static final String DEPLOYMENTS = "plug-deployments.txt";
    private static final Pattern STEP = Pattern.compile(
            "Build step ([\\w.$]+)#([\\w$]+) threw an exception: (?:[\\w.$]+(?:Exception|Error): )?(.*)");

    private BuildFailure() {
    }

    /** Lines "plug notes: the message (build step NotesProcessor#feature)"; a generic line when no step is found. */
    static List<String> explain(String log, Map<String, Path> deploymentJars) {
        Map<String, String> lines = new LinkedHashMap<>();
        Matcher m = STEP.matcher(log);
        while (m.find()) {
            String cls = m.group(1);
            String plug = plugOf(cls, deploymentJars);
            String message = m.group(3).strip();
            String step = cls.substring(cls.lastIndexOf('.') + 1) + "#" + m.group(2);
            if (plug == null) {
                lines.putIfAbsent(step, "build step " + cls + "#" + m.group(2) + ": " + message);
            } else {
                if (message.startsWith("plug " + plug + ": ")) {
                    message = message.substring(("plug " + plug + ": ").length());
                }
                lines.putIfAbsent(step, "plug " + plug + ": " + message + " (build step " + step + ")");
            }
        }
        if (lines.isEmpty()) {
            for (String line : log.split("\n")) {
                if (line.startsWith("[ERROR]") && line.length() > 8) {
                    return List.of("the build failed: " + line.substring(8).strip());
                }
            }
            return List.of("the build failed");
        }
        return new ArrayList<>(lines.values());
    }

    private static String plugOf(String cls, Map<String, Path> deploymentJars) {
        String entry = cls.replace('.', '/') + ".class";
        for (var e : deploymentJars.entrySet()) {
            try (ZipFile zip = new ZipFile(e.getValue().toFile())) {
                if (zip.getEntry(entry) != null) {
                    return e.getKey();
                }
            } catch (IOException ignored) {
                // a jar we cannot read holds no step we can name
            }
        }
        return null;
    }

    static void writeDeployments(Path out, List<ResolvedPlug> plugs) throws IOException {
        StringBuilder s = new StringBuilder();
        for (ResolvedPlug p : plugs) {
            if (p.deploymentJar() != null) {
                s.append(p.request().name()).append('\t').append(p.deploymentJar().toAbsolutePath()).append('\n');
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(DEPLOYMENTS), s.toString());
    }

    static Map<String, Path> readDeployments(Path out) throws IOException {
        Map<String, Path> jars = new LinkedHashMap<>();
        Path f = out.resolve(DEPLOYMENTS);
        if (Files.exists(f)) {
            for (String line : Files.readAllLines(f)) {
                String[] p = line.split("\t", 2);
                if (p.length == 2) {
                    jars.put(p[0], Path.of(p[1]));
                }
            }
        }
        return jars;
    }
}
