package network.ohc.care.plugs.manager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Running Maven and git, and hashing files. */
final class Tools {
    /** A command that failed; {@code output} is its last lines. */
    static final class CommandFailed extends Exception {
        final String output;

        CommandFailed(String message, String output) {
            super(message);
            this.output = output;
        }
    }

    final Path mvn;
    final boolean offline;
    final Path repoLocal;
    final Path logs;

    Tools(Path mvn, boolean offline, Path repoLocal, Path logs) {
        this.mvn = mvn;
        this.offline = offline;
        this.repoLocal = repoLocal;
        this.logs = logs;
    }

    Path localRepository() {
        return repoLocal != null ? repoLocal : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    List<String> maven(String... args) {
        List<String> cmd = new ArrayList<>(List.of(mvn.toString(), "-B", "-q"));
        if (offline) {
            cmd.add("-o");
        }
        if (repoLocal != null) {
            cmd.add("-Dmaven.repo.local=" + repoLocal);
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    String run(String label, List<String> cmd, Path dir) throws IOException, InterruptedException, CommandFailed {
        Files.createDirectories(logs);
        Path log = logs.resolve(label.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new CommandFailed(label + " did not finish in 30 minutes", tail(log));
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new CommandFailed(label + " failed (exit " + p.exitValue() + "); log: " + log, tail(log));
        }
        return out;
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Path of g:a:v (jar) in the local repository. */
    Path artifact(String coords) {
        String[] p = coords.split(":");
        return localRepository().resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2]).resolve(p[1] + "-" + p[2] + ".jar");
    }
}
