package network.ohc.care.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly CLI's {@code lint} with its recommended rules, run through {@code npx} with the machine's Node.js (20 or
 * later) at the version the build pins ({@code redocly-cli.version}).
 */
final class Redocly {
    /** What one run printed, its exit code and how long it took. */
    record Result(int exitCode, String output, long millis) {
    }

    private Redocly() {
    }

    static Result lint(Path document) throws IOException, InterruptedException {
        String version = System.getProperty("care.it.redocly", "2.77.0");
        List<String> cmd = List.of("npx", "--yes", "@redocly/cli@" + version, "lint", "--format=stylish", document.toString());
        long started = System.nanoTime();
        Process npx;
        try {
            npx = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("linting the API document needs npx (Node.js 20 and npm) on the PATH: " + e.getMessage(), e);
        }
        String out = new String(npx.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npx.waitFor(5, TimeUnit.MINUTES)) {
            npx.destroyForcibly();
            throw new IllegalStateException("npx @redocly/cli did not finish in 5 minutes:\n" + out);
        }
        return new Result(npx.exitValue(), out, (System.nanoTime() - started) / 1_000_000);
    }
}
