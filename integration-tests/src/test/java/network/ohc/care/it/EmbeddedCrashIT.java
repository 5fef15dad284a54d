package network.ohc.care.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL through real crashes of the app's JVM: a SIGKILL of the JVM alone (its PostgreSQL, a daemon,
 * goes on running), then a power cut (the JVM and every PostgreSQL process killed at once). Each start after a crash
 * is on the same data folder and finds every acknowledged write.
 */
class EmbeddedCrashIT {
    private static final Map<String, String> EMBEDDED = Map.of("CARE_DB", "embedded");

    @TempDir
    Path tmp;

    @Test
    void acknowledgedWritesSurviveASigkillOfTheAppAndThenAPowerCut() throws Exception {
        // The embedded PostgreSQL runs as nobody when the tests run as root: it must be able to pass through tmp.
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        Path data = tmp.resolve("data");

        CareProcess first = CareProcess.start(null, data, EMBEDDED);
        String a = createFacility(first, "Before the SIGKILL");
        long leftRunning = postmaster(data);
        first.kill9();
        assertTrue(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive).orElse(false), "the JVM's PostgreSQL outlives a SIGKILL of the JVM");

        CareProcess second = CareProcess.start(null, data, EMBEDDED);
        assertFacility(second, a, "Before the SIGKILL");
        String b = createFacility(second, "Before the power cut");
        long postmaster = postmaster(data);
        List<ProcessHandle> server = Stream.concat(Stream.of(ProcessHandle.of(postmaster).orElseThrow()),
                ProcessHandle.of(postmaster).orElseThrow().descendants()).toList();
        second.kill9();
        server.forEach(ProcessHandle::destroyForcibly); // SIGKILL: no checkpoint, no shutdown record; WAL recovery next start
        for (ProcessHandle h : server) {
            h.onExit().join();
        }
        assertTrue(Files.exists(pidFile(data)), "the power cut left PostgreSQL's pid file behind");

        try (CareProcess third = CareProcess.start(null, data, EMBEDDED)) {
            assertFacility(third, a, "Before the SIGKILL");
            assertFacility(third, b, "Before the power cut");
            createFacility(third, "After the recovery");
            third.stop();
            assertFalse(Files.exists(pidFile(data)), "a clean stop stops the embedded PostgreSQL too");
        }
    }

    private static String createFacility(CareProcess app, String name) {
        return RestAssured.given().port(app.port).contentType(ContentType.JSON).header("Authorization", "Bearer " + app.token())
                .body(Map.of("name", name, "kind", "CLINIC")).post("/api/v1/facilities").then().statusCode(201).extract().path("id");
    }

    private static void assertFacility(CareProcess app, String id, String name) {
        String got = RestAssured.given().port(app.port).header("Authorization", "Bearer " + app.token()).get("/api/v1/facilities/" + id)
                .then().statusCode(200).extract().path("name");
        assertEquals(name, got);
    }

    private static Path pidFile(Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("db"))) {
            return files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElse(data.resolve("db/pg-data/postmaster.pid"));
        }
    }

    private static long postmaster(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(pidFile(data)).get(0).trim());
    }
}
