package network.ohc.care.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The JVM image, built by {@code ./care image --debian-base} from this module's app (core plus a recording
 * subscriber) and run with the machine's container engine, as an operator would: the embedded database in a volume
 * (stop, a new container, the data is there; SIGKILL, start again, it recovers) and an external PostgreSQL on the
 * host network; a start maps its classes from the archive that the image's build trained. The Debian base images are
 * made once per machine and reused.
 * <p>
 * Without a container engine the class is skipped and says why, unless {@code CARE_IT_REQUIRE_ENGINE} is set
 * (CI sets it once it has installed podman): then a missing engine fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {
    static final String PASSWORD = "it-container-admin-password";
    static final Path ROOT = Path.of(System.getProperty("care.it.root"));
    static final Path ENGINE = ROOT.resolve("src/main/docker/engine");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String IMAGE = "localhost/care-it:jvm";
    static final String VOLUME = "care-it-data-" + RUN;
    static final List<String> containers = new ArrayList<>();
    static final Map<String, Integer> ports = new java.util.HashMap<>();

    static String engine;
    static String patientId;
    static String encounterId;
    static String bedId;

    record Result(int exit, String output) {
    }

    @BeforeAll
    static void buildImage() throws Exception {
        Result which = exec(ENGINE.toString(), "--which");
        if (which.exit() != 0) {
            String reason = "no container engine on this machine: " + which.output().strip();
            if (System.getenv("CARE_IT_REQUIRE_ENGINE") != null) {
                throw new AssertionError(reason + " (CARE_IT_REQUIRE_ENGINE is set: CI installed one, so this is a failure)");
            }
            Assumptions.abort(reason);
        }
        engine = which.output().strip();
        Assumptions.assumeFalse(engine.equals("buildah"), "buildah builds images but cannot run the containers this test needs");
        Path app = Path.of(System.getProperty("care.it.app")).getParent().getParent();
        long t0 = System.nanoTime();
        Result built = exec(ROOT.resolve("care").toString(), "image", "--debian-base", "--app", app.toString(), "--tag", IMAGE);
        System.out.println(built.output());
        assertEquals(0, built.exit(), built.output());
        System.out.printf("ContainerImageIT: image %s built with %s in %.1f s (%s)%n", IMAGE, engine, (System.nanoTime() - t0) / 1e9,
                engine("image", "inspect", "--format", "{{.Size}}", IMAGE).output().strip() + " bytes");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (engine == null) {
            return;
        }
        for (String c : containers) {
            exec(ENGINE.toString(), "rm", "-f", "-v", c); // -v: the anonymous volume of a container run without one
        }
        exec(ENGINE.toString(), "volume", "rm", "-f", VOLUME);
    }

    @Test
    @Order(1)
    void embeddedDatabaseInAVolumeAsANonRootUser() throws Exception {
        int port = freePort();
        String c = start("embedded-1", port, "-v", VOLUME + ":/deployments/data");
        awaitReady(c, port);
        assertEquals("185", ok(engine("exec", c, "id", "-u")).strip(), "the app runs as uid 185, not root");
        if (engine.equals("podman")) {
            assertEquals(0, engine("healthcheck", "run", c).exit(), "the image's HEALTHCHECK passes once Care is ready");
        }
        RequestSpecification api = api(port);
        String facility = api.body(Map.of("name", "Container Hospital", "kind", "HOSPITAL")).post("/api/v1/facilities").then()
                .statusCode(201).extract().path("id");
        String ward = api(port).body(Map.of("kind", "WARD", "name", "Ward A")).post("/api/v1/facilities/" + facility + "/locations")
                .then().statusCode(201).extract().path("id");
        bedId = api(port).body(Map.of("kind", "BED", "name", "A-1", "parentId", ward)).post("/api/v1/facilities/" + facility + "/locations")
                .then().statusCode(201).extract().path("id");
        patientId = api(port).body(Map.of("facilityId", facility, "name", "Ravi", "sex", "MALE", "age", 40)).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");
        encounterId = api(port).body(Map.of("patientId", patientId, "encounterClass", "INPATIENT")).post("/api/v1/encounters")
                .then().statusCode(201).extract().path("id");
        api(port).body(Map.of("bedId", bedId)).post("/api/v1/encounters/" + encounterId + "/admit").then().statusCode(200);
    }

    @Test
    @Order(2)
    void sigtermStopsCareThenItsDatabaseAndANewContainerFindsTheData() throws Exception {
        String first = containers.get(containers.size() - 1);
        long t0 = System.nanoTime();
        ok(engine("stop", "-t", "60", first));
        System.out.printf("ContainerImageIT: stopped in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        // 143 = 128 + SIGTERM: the JVM ended on the signal, it was not killed at the end of the grace period (137).
        assertEquals("143", ok(engine("inspect", "--format", "{{.State.ExitCode}}", first)).strip());
        String logs = engine("logs", first).output();
        assertTrue(logs.contains("stopped in"), "Quarkus reports a clean stop:\n" + logs);
        assertFalse(logs.contains("terminating connection due to administrator command"),
                "the database must stop after Care, not under it:\n" + logs);
        assertTrue(pgLog().contains("database system is shut down"), "the embedded PostgreSQL shut down cleanly");

        int port = freePort();
        String second = start("embedded-2", port, "-v", VOLUME + ":/deployments/data");
        awaitReady(second, port);
        assertFalse(pgLog().contains("automatic recovery in progress"), "a clean stop needs no recovery at the next start");
        api(port).get("/api/v1/patients/" + patientId).then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("Ravi"));
        api(port).get("/api/v1/encounters/" + encounterId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS")).body("currentBedId", org.hamcrest.Matchers.equalTo(bedId));
    }

    @Test
    @Order(3)
    void sigkillThenStartRecovers() throws Exception {
        String again = containers.get(containers.size() - 1);
        int port = ports.get(again);
        ok(engine("kill", "--signal", "KILL", again));
        engine("wait", again);
        // The same container started again, as a restart policy would.
        ok(engine("start", again));
        awaitReady(again, port);
        String log = pgLog();
        assertTrue(log.contains("database system was interrupted") || log.contains("not properly shut down"),
                "PostgreSQL recovered from the kill:\n" + log);
        api(port).get("/api/v1/encounters/" + encounterId).then().statusCode(200).body("currentBedId", org.hamcrest.Matchers.equalTo(bedId));
        api(port).body(Map.of("facilityId", api(port).get("/api/v1/patients/" + patientId).then().extract().path("facilityId"), "name",
                "Asha", "sex", "FEMALE", "age", 31)).post("/api/v1/patients").then().statusCode(201);
        ok(engine("stop", "-t", "60", again));
    }

    @Test
    @Order(4)
    void externalPostgresOnTheHostNetwork() throws Exception {
        ItDatabase db = ItDatabase.fresh("care_it_image");
        int port = freePort();
        String c = startExternal("external", port, db);
        awaitReady(c, port);
        String logs = engine("logs", c).output();
        assertFalse(logs.contains("Embedded PostgreSQL"), "CARE_DB=auto with CARE_DB_URL uses the external database:\n" + logs);
        String facility = api(port).body(Map.of("name", "External Hospital", "kind", "HOSPITAL")).post("/api/v1/facilities").then()
                .statusCode(201).extract().path("id");
        api(port).body(Map.of("facilityId", facility, "name", "Meera", "sex", "FEMALE", "age", 52)).post("/api/v1/patients").then()
                .statusCode(201);
        try (Connection conn = db.connect(); Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM core.patient WHERE name = 'Meera'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the patient is in the external database");
        }
        ok(engine("stop", "-t", "60", c));
    }

    @Test
    @Order(5)
    void aConfigurationMistakeIsOneLineAndExit78() throws Exception {
        Result r = engine("run", "--rm", "--network=host", "-e", "CARE_DB=embeded", IMAGE);
        assertEquals(78, r.exit(), r.output());
        // The engine may add its own lines (podman without systemd: no healthcheck timer); Care's output is one line.
        List<String> lines = r.output().lines().filter(l -> !l.contains("level=") && !l.startsWith("NOTE: Picked up")).toList();
        assertEquals(List.of("care: cannot start: CARE_DB=embeded is not a database mode: use embedded, external or auto"), lines);
    }

    @Test
    @Order(6)
    void startsFromTheClassArchiveItsBuildTrained() throws Exception {
        // -Xshare:on: a start that cannot map the archive (missing, or made by another runtime or on other files) fails
        // instead of quietly reading every class from the jars.
        int port = freePort();
        String c = startExternal("archive", port, ItDatabase.fresh("care_it_image_archive"), "-e",
                "JDK_JAVA_OPTIONS=-Xshare:on -Xlog:class+load=info:file=/tmp/class-load.log");
        awaitReady(c, port);
        List<String> loaded = ok(engine("exec", c, "cat", "/tmp/class-load.log")).lines().toList();
        long archived = loaded.stream().filter(l -> l.contains("source: shared objects file (top)")).count();
        // The rest: the JDK's own archive, and classes made at run time (lambdas, proxies), which no archive holds.
        long other = loaded.stream().filter(l -> l.contains(" source: ") && !l.contains("source: shared objects file")).count();
        System.out.printf("ContainerImageIT: classes mapped from the image's archive %d, loaded otherwise %d%n", archived, other);
        assertTrue(archived > 10 * other, "most classes come from the image's archive: " + archived + " mapped, " + other + " not");
        assertTrue(loaded.stream().anyMatch(l -> l.contains("network.ohc.care.core.boot.CareMain source: shared objects file (top)")),
                "Care's own classes are in the archive");
        ok(engine("stop", "-t", "60", c));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A container on the external database {@code db} (the host's PostgreSQL, over the host network). */
    static String startExternal(String name, int port, ItDatabase db, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-e", "CARE_DB_URL=" + db.url, "-e", "CARE_DB_USER="
                + System.getProperty("care.it.db-user", "postgres"), "-e", "CARE_DB_PASSWORD="));
        args.addAll(List.of(extra));
        return start(name, port, args.toArray(String[]::new));
    }

    static String start(String name, int port, String... extra) throws Exception {
        String c = "care-it-" + RUN + "-" + name;
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--name", c, "--network=host", "-e", "QUARKUS_HTTP_PORT=" + port, "-e", "CARE_MANAGEMENT_PORT=0",
                "-e", "CARE_ADMIN_PASSWORD=" + PASSWORD));
        cmd.addAll(List.of(extra));
        cmd.add(IMAGE);
        containers.add(c);
        ports.put(c, port);
        ok(engine(cmd.toArray(String[]::new)));
        return c;
    }

    static void awaitReady(String container, int port) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            try {
                if (RestAssured.given().port(port).get("/q/health/ready").statusCode() == 200) {
                    System.out.printf("ContainerImageIT: %s ready in %.1f s%n", container, (System.nanoTime() - t0) / 1e9);
                    return;
                }
            } catch (Exception e) {
                // not listening yet
            }
            String running = engine("inspect", "--format", "{{.State.Running}}", container).output().strip();
            if (running.equals("false")) {
                throw new AssertionError(container + " exited:\n" + engine("logs", container).output());
            }
            Thread.sleep(500);
        }
        throw new AssertionError(container + " did not become ready:\n" + engine("logs", container).output());
    }

    static RequestSpecification api(int port) {
        String token = RestAssured.given().port(port).contentType(ContentType.JSON).body(Map.of("username", "admin", "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
        return RestAssured.given().port(port).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** The embedded PostgreSQL's log, read from the volume by a throw-away container. */
    static String pgLog() throws Exception {
        return ok(engine("run", "--rm", "--network=host", "-v", VOLUME + ":/deployments/data", "--entrypoint", "cat", IMAGE,
                "/deployments/data/db/postgres.log"));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Result engine(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ENGINE.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd.toArray(String[]::new));
    }

    static Result exec(String... cmd) throws Exception {
        Path out = Files.createTempFile("care-it-engine-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish:\n" + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static String ok(Result r) {
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }
}
