package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** plugs.lock: what each plug resolved to, so a rebuild with --locked gets exactly the same bits. */
final class LockFile {
    private LockFile() {
    }

    static String render(List<ResolvedPlug> plugs) {
        StringBuilder sb = new StringBuilder();
        sb.append("# plugs.lock: written by ./care build from plug-config.properties. Commit it.\n");
        sb.append("# ./care build --locked refuses any difference: another version, commit or artifact.\n");
        for (ResolvedPlug p : plugs) {
            String n = p.request().name();
            sb.append('\n');
            sb.append(n).append(".source=").append(p.request().source().spec()).append('\n');
            sb.append(n).append(".version=").append(p.version()).append('\n');
            sb.append(n).append(".commit=").append(p.commit() == null ? "" : p.commit()).append('\n');
            sb.append(n).append(".artifact=").append(p.coordinates()).append('\n');
            sb.append(n).append(".artifact.sha256=").append(p.runtimeSha256()).append('\n');
            sb.append(n).append(".deployment=").append(p.deploymentCoordinates()).append('\n');
            sb.append(n).append(".deployment.sha256=").append(p.deploymentSha256()).append('\n');
        }
        return sb.toString();
    }

    static void write(Path file, List<ResolvedPlug> plugs) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(plugs));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Differences between the lock and what was resolved now; empty when they match. */
    static List<Problem> drift(Path file, List<ResolvedPlug> plugs) throws IOException {
        List<Problem> out = new ArrayList<>();
        String lockName = file.getFileName().toString();
        if (!Files.exists(file)) {
            out.add(new Problem(lockName, 0, "", "--locked needs " + file + "; build once without --locked to write it"));
            return out;
        }
        Properties lock = new Properties();
        lock.load(new StringReader(Files.readString(file)));
        Set<String> locked = new LinkedHashSet<>();
        for (String k : lock.stringPropertyNames()) {
            if (k.endsWith(".source")) {
                locked.add(k.substring(0, k.length() - ".source".length()));
            }
        }
        for (ResolvedPlug p : plugs) {
            String n = p.request().name();
            if (!locked.remove(n)) {
                out.add(new Problem(lockName, 0, n, "plug '" + n + "' is not in the lock file"));
                continue;
            }
            compare(out, lockName, n, "source", lock, p.request().source().spec());
            compare(out, lockName, n, "version", lock, p.version());
            compare(out, lockName, n, "commit", lock, p.commit() == null ? "" : p.commit());
            compare(out, lockName, n, "artifact", lock, p.coordinates());
            compare(out, lockName, n, "artifact.sha256", lock, p.runtimeSha256());
            compare(out, lockName, n, "deployment", lock, p.deploymentCoordinates());
            compare(out, lockName, n, "deployment.sha256", lock, p.deploymentSha256());
        }
        for (String n : locked) {
            out.add(new Problem(lockName, 0, n, "plug '" + n + "' is locked but no longer in the deployment"));
        }
        return out;
    }

    private static void compare(List<Problem> out, String file, String plug, String field, Properties lock, String now) {
        String was = lock.getProperty(plug + "." + field, "");
        if (!was.equals(now)) {
            String what = field.endsWith("sha256") ? "the " + field.replace(".sha256", "") + " jar's SHA-256 (the artifact was changed or rebuilt differently)"
                    : field;
            out.add(new Problem(file, 0, plug + "." + field, what + " differs from the lock: locked " + (was.isEmpty() ? "(none)" : was)
                    + ", now " + (now.isEmpty() ? "(none)" : now)));
        }
    }
}
