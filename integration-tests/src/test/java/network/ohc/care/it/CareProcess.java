package network.ohc.care.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Care application started as its own JVM, as in production, so it can be killed for real. */
final class CareProcess implements AutoCloseable {
    static final String ADMIN_PASSWORD = "it-admin-password";

    final int port;
    final Path log;
    private final Process process;

    private CareProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static CareProcess start(String dbUrl, Path dataDir, Map<String, String> extraEnv) throws Exception {
        return start(Path.of(System.getProperty("care.it.app")), dbUrl, dataDir, extraEnv);
    }

    /** Starts the app {@code jar} (a quarkus-run.jar). */
    static CareProcess start(Path jar, String dbUrl, Path dataDir, Map<String, String> extraEnv) throws Exception {
        return start(jar, dbUrl, dataDir, extraEnv, Duration.ofSeconds(180)); // a first embedded start runs initdb: slow on a busy 2-core machine
    }

    /** Starts the app {@code jar}, waiting up to {@code ready} for it (more beside another JVM, such as a broker). */
    static CareProcess start(Path jar, String dbUrl, Path dataDir, Map<String, String> extraEnv, Duration ready) throws Exception {
        return start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"), jar, dbUrl, dataDir, extraEnv, ready);
    }

    /** Starts the app {@code jar} with {@code java}: a java executable and its options (the launcher's, say). */
    static CareProcess start(List<String> java, Path jar, String dbUrl, Path dataDir, Map<String, String> extraEnv, Duration ready)
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("care-it-", ".log");
        List<String> cmd = new ArrayList<>(java);
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        if (dbUrl != null) {
            env.put("CARE_DB_URL", dbUrl);
        } // null: no external database (CARE_DB=embedded in extraEnv)
        env.put("CARE_DB_USER", System.getProperty("care.it.db-user", "postgres"));
        env.put("CARE_DB_PASSWORD", "");
        env.put("CARE_DATA_DIR", dataDir.toString());
        env.put("CARE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("CARE_MANAGEMENT_PORT", "0"); // several apps run at once in these tests: no fixed metrics port
        env.remove("CARE_DB");
        env.putAll(extraEnv);
        CareProcess p = new CareProcess(pb.start(), port, log);
        try {
            p.awaitReady(ready);
        } catch (Exception e) {
            p.process.destroyForcibly(); // never leave a half-started app behind
            throw e;
        }
        return p;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Care exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (RestAssured.given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Care did not become ready:\n" + tail());
    }

    /** The JVM's process id: part of the bus instance name it delivers as (host/pid/random). */
    long pid() {
        return process.pid();
    }

    String token() {
        return RestAssured.given().port(port).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", ADMIN_PASSWORD)).post("/api/v1/auth/login").then().statusCode(200)
                .extract().path("accessToken");
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a power cut to the JVM. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        new File(log.toString()).delete();
    }

    /** SIGTERM and wait: a clean shutdown; the log stays until {@link #close}. */
    void stop() throws Exception {
        stop(Duration.ofSeconds(30));
    }

    /** SIGTERM and wait up to {@code grace} (a JVM writing a class archive at exit takes longer) before SIGKILL. */
    void stop(Duration grace) throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
