package network.ohc.care.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./care build} for real, on a copy of this checkout: three plugs made from the template and served from a
 * local git repository at a tag, a Maven repository folder and a path; the app they make (built by {@code ./care bundle},
 * whose bundle the last test builds from); a tampered artifact under a locked rebuild; a broken config that leaves the
 * last good build alone; a plug switched off; an offline, locked rebuild from the bundle.
 *
 * <p>Each full build (Quarkus augmentation) costs minutes on a CI machine, so a build serves several cases: the bundle's
 * build is the first app, the offline rebuild is also the locked rebuild that must get the same bits, and every failing
 * case stops before augmentation unless what it proves happens in or after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlugBuildIT {
    static final String GROUP = "network.ohc.care.it";
    static Path work;
    static Path checkout;
    static Path config;
    static Path mavenFolder;
    static Path bundle;
    static String greeterCommit;
    static final String TOKEN = "tok-5f1c9e-never-print-me";
    static final Path LOCAL_REPO = Path.of(System.getProperty("user.home"), ".m2", "repository");

    record Result(int exit, String output) {
    }

    @BeforeAll
    static void makePlugs() throws Exception {
        work = Files.createTempDirectory("care-plug-it-");
        checkout = work.resolve("care");
        copyCheckout(Path.of(System.getProperty("care.it.root")), checkout);
        // Plugs of earlier runs must not satisfy this one's fetches.
        deleteTree(LOCAL_REPO.resolve(GROUP.replace('.', '/')));

        // 1. A plug in a git repository, at a tag.
        Path greeter = work.resolve("greeter-src");
        ok(care("new-plug", "greeter", greeter.toString(), "--group", GROUP));
        ok(run(greeter, "git", "init", "-q"));
        ok(run(greeter, "git", "add", "-A"));
        ok(run(greeter, "git", "-c", "user.name=it", "-c", "user.email=it@example.org", "commit", "-q", "-m", "greeter 1.0.0"));
        ok(run(greeter, "git", "tag", "v1.0.0"));
        greeterCommit = ok(run(greeter, "git", "rev-parse", "HEAD")).strip();
        // A commit after the tag: the build must take the tag, not the branch head.
        Files.writeString(greeter.resolve("CHANGES.md"), "unreleased\n");
        ok(run(greeter, "git", "add", "-A"));
        ok(run(greeter, "git", "-c", "user.name=it", "-c", "user.email=it@example.org", "commit", "-q", "-m", "after the tag"));

        // 2. A plug published to a Maven repository folder (and not to the local repository).
        Path board = work.resolve("board-src");
        mavenFolder = work.resolve("maven-repo");
        ok(care("new-plug", "ward-board", board.toString(), "--group", GROUP));
        // Its tests run here: the template's own tests, on a freshly generated plug, in CI at the cost of one module.
        ok(run(board, checkout.resolve("mvnw").toString(), "-B", "-q", "deploy", "-Dmaven.install.skip=true",
                "-DaltDeploymentRepository=it-folder::file:" + mavenFolder));
        assertTemplateTestsRan(board.resolve("tests/target/surefire-reports"));
        assertTrue(Files.exists(mavenFolder.resolve(GROUP.replace('.', '/') + "/care-plug-ward-board/1.0.0/care-plug-ward-board-1.0.0.jar")));

        // 3. A plug in a local folder.
        ok(care("new-plug", "notes", work.resolve("notes-src").toString(), "--group", GROUP));

        config = work.resolve("deploy/plug-config.properties");
        Files.createDirectories(config.getParent());
        writeConfig(true);
        // Beside deploy/, so that the config the bundle keeps finds the notes folder at the same relative path.
        bundle = work.resolve("bundle");
    }

    /** The generated plug's test classes ran (at least two, the template has two) and none failed. */
    static void assertTemplateTestsRan(Path reports) throws IOException {
        List<Path> xml;
        try (var files = Files.list(reports)) {
            xml = files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList();
        }
        assertTrue(xml.size() >= 2, "the template's test classes ran: " + xml);
        for (Path report : xml) {
            String head = Files.readString(report);
            head = head.substring(0, head.indexOf('>', head.indexOf("<testsuite")));
            assertTrue(head.matches("(?s).*\\btests=\"[1-9].*") && head.contains("failures=\"0\"") && head.contains("errors=\"0\""),
                    report + ": " + head);
        }
    }

    static void writeConfig(boolean notesEnabled) throws IOException {
        Files.writeString(config, """
                # A deployment with a plug from each kind of source.
                plugs=greeter,ward-board,notes
                repository.it-folder.url=%s
                plug.greeter.source=git+%s
                plug.greeter.version=v1.0.0
                plug.greeter.config.greeting=Namaskaram
                plug.greeter.config.api-token=${GREETER_TOKEN}
                plug.ward-board.source=%s:care-plug-ward-board
                plug.ward-board.version=1.0.0
                plug.notes.source=path:../notes-src
                plug.notes.enabled=%s
                """.formatted(mavenFolder.toUri(), work.resolve("greeter-src").toUri(), GROUP, notesEnabled));
    }

    @Test
    @Order(1)
    void buildsAnImageWithAPlugFromEachKindOfSource() throws Exception {
        // ./care bundle builds the image as ./care build does (into the bundle's own Maven repository) and keeps what an
        // offline build needs: one build for this test and the offline one at the end.
        String out = ok(care("bundle", bundle.toString(), "--config", config.toString()));
        assertTrue(out.contains("Built target/care-app"), out);
        assertTrue(out.contains("Bundle ready"), out);
        assertTrue(out.matches("(?s).*greeter\\s+1\\.0\\.0\\s+\\S+greeter-src/?\\s+" + greeterCommit.substring(0, 12) + ".*"), out);
        assertTrue(out.matches("(?s).*ward-board\\s+1\\.0\\.0\\s+" + GROUP + ":care-plug-ward-board\\s+-.*"), out);
        assertTrue(out.matches("(?s).*notes\\s+1\\.0\\.0\\s+path:\\.\\./notes-src\\s+-.*"), out);

        String lock = Files.readString(config.resolveSibling("plugs.lock"));
        assertTrue(lock.contains("greeter.commit=" + greeterCommit), lock);
        assertTrue(lock.matches("(?s).*ward-board\\.artifact\\.sha256=[0-9a-f]{64}.*"), lock);

        try (CareProcess app = startApp("plugs_all")) {
            JsonPath plugs = plugs(app);
            assertEquals(List.of("greeter", "ward-board", "notes"), plugs.getList("name"));
            assertEquals(greeterCommit, plugs.getString("find { it.name == 'greeter' }.commit"));
            assertEquals("Namaskaram", plugs.getString("find { it.name == 'greeter' }.config.greeting"));
            assertEquals("Hello", plugs.getString("find { it.name == 'notes' }.config.greeting"));
            for (String plug : List.of("greeter", "ward-board", "notes")) {
                RestAssured.given().port(app.port).auth().oauth2(app.token()).get("/api/v1/plugs/" + plug + "/hello").then()
                        .statusCode(200);
            }
            assertEquals("Namaskaram", RestAssured.given().port(app.port).auth().oauth2(app.token()).get("/api/v1/plugs/greeter/hello")
                    .then().extract().path("greeting"));
            // The notes plug keeps the facilities it sees in its own table (kept across the toggling below).
            RestAssured.given().port(app.port).auth().oauth2(app.token()).contentType("application/json")
                    .body(Map.of("name", "Toggle Hospital", "kind", "HOSPITAL")).post("/api/v1/facilities").then().statusCode(201);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> facilitiesSeenByNotes(app) == 1);
            // Core authentication guards plug endpoints.
            RestAssured.given().port(app.port).get("/api/v1/plugs/greeter/hello").then().statusCode(401);
            // A secret reaches the plug from the environment, and is never returned or logged.
            assertEquals(Boolean.TRUE, RestAssured.given().port(app.port).auth().oauth2(app.token()).get("/api/v1/plugs/greeter/hello")
                    .then().extract().path("apiTokenSet"));
            assertEquals("**redacted**", plugs.getString("find { it.name == 'greeter' }.config.api-token"));
            assertEquals(null, plugs.getString("find { it.name == 'notes' }.config.api-token"));
            assertFalse(plugs.prettify().contains(TOKEN));
            assertFalse(Files.readString(app.log).contains(TOKEN), "the token is in the app's log");
        }
    }

    @Test
    @Order(2)
    void aTamperedArtifactFailsTheLockedBuildAndKeepsTheLastGoodApp() throws Exception {
        String builtFrom = Files.readString(checkout.resolve("target/care-app/.built-from"));
        // The Maven repository folder now serves another jar under the locked version, its checksums made to match: only
        // the lock can tell. The local repository holds no copy (the first build used the bundle's), so it is fetched here.
        Path version = mavenFolder.resolve(GROUP.replace('.', '/') + "/care-plug-ward-board/1.0.0");
        Path saved = work.resolve("ward-board-1.0.0.saved");
        Path fetched = LOCAL_REPO.resolve(GROUP.replace('.', '/') + "/care-plug-ward-board");
        // (The folder may exist: Maven keeps its resolution records there, from the template tests' run in makePlugs.)
        Path fetchedJar = fetched.resolve("1.0.0/care-plug-ward-board-1.0.0.jar");
        assertFalse(Files.exists(fetchedJar), fetchedJar + " exists before the fetch");
        copyTree(version, saved);
        try {
            Path jar = version.resolve("care-plug-ward-board-1.0.0.jar");
            Files.write(jar, new byte[] {0}, StandardOpenOption.APPEND);
            rewriteChecksums(jar);
            Result r = care("build", "--locked", "--config", config.toString());
            assertNotEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("plugs.lock: ward-board.artifact.sha256: the artifact jar's SHA-256"), r.output());
            // The only drift: greeter (git) and notes (path), rebuilt here from their sources against the local repository,
            // give the very bits the bundle's build locked.
            assertTrue(r.output().contains("1 mistake:"), r.output());
            assertTrue(r.output().contains("Nothing was built; the last good build is untouched."), r.output());
            assertEquals(builtFrom, Files.readString(checkout.resolve("target/care-app/.built-from")));
        } finally {
            deleteTree(version);
            copyTree(saved, version);
            deleteTree(saved);
            // The tampered copy must not serve the next builds: they fetch the good one again.
            deleteTree(fetched);
        }
    }

    @Test
    @Order(3)
    void mistakesInTheFileAreReportedWithLineAndKeyBeforeAnythingIsBuilt() throws Exception {
        String builtFrom = Files.readString(checkout.resolve("target/care-app/.built-from"));
        Path bad = work.resolve("deploy/bad.properties");
        Files.writeString(bad, """
                plugs=greeter,ward-board
                plug.greeter.source=git+file:///nowhere/greeter
                plug.greeter.verison=v1.0.0
                plug.ward-board.source=%s:care-plug-ward-board
                plug.ward-board.version=1.0.0
                plug.ward-board.enabled=yes
                """.formatted(GROUP));
        Result r = care("build", "--config", bad.toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("2 mistakes:"), r.output());
        assertTrue(r.output().contains("bad.properties:3: plug.greeter.verison: unknown setting 'verison'; did you mean 'version'?"),
                r.output());
        assertTrue(r.output().contains("bad.properties:6: plug.ward-board.enabled: 'yes' is not true or false"), r.output());
        assertFalse(r.output().contains("Installing core"), r.output());
        assertEquals(builtFrom, Files.readString(checkout.resolve("target/care-app/.built-from")));

        // Found after fetching, before building, and reported together (one build for both): a plug config value of the
        // wrong type, caught from the plug's schema, and a plug migration that changes a core table.
        Files.writeString(bad, Files.readString(config) + "plug.notes.config.max-length=long\n");
        Path migration = work.resolve("notes-src/runtime/src/main/resources/db/plugs/notes/V2__widen.sql");
        Files.writeString(migration, "-- widen core\nALTER TABLE core.facility ADD COLUMN notes_count int;\n");
        try {
            r = care("build", "--config", bad.toString());
            assertEquals(2, r.exit(), r.output());
            assertTrue(r.output().contains("2 mistakes:"), r.output());
            assertTrue(r.output().contains("bad.properties:12: plug.notes.config.max-length: 'long' must be a whole number (int)"), r.output());
            assertTrue(r.output().contains("bad.properties:10: plug.notes.source: refused migration db/plugs/notes/V2__widen.sql:2: "
                    + "ALTER TABLE on core.facility"), r.output());
            assertFalse(r.output().contains("Building the image"), r.output());
            assertEquals(builtFrom, Files.readString(checkout.resolve("target/care-app/.built-from")));
        } finally {
            Files.delete(migration);
        }

        // One the text check cannot see is applied, as the plug's role, to a throwaway PostgreSQL with core's schema,
        // and refused with the database's message; the last good build still stands.
        migration = work.resolve("notes-src/runtime/src/main/resources/db/plugs/notes/V2__hidden.sql");
        Files.writeString(migration, "DO $$ BEGIN EXECUTE 'ALTER TABLE co' || 're.patient ADD COLUMN notes int'; END $$;\n");
        try {
            r = care("build", "--config", config.toString());
            assertEquals(2, r.exit(), r.output());
            assertTrue(r.output().contains("plug notes: refused migration db/plugs/notes/V2__hidden.sql: ERROR: must be owner of table patient"),
                    r.output());
            assertTrue(r.output().contains("Nothing was built; the last good build is untouched."), r.output());
            assertEquals(builtFrom, Files.readString(checkout.resolve("target/care-app/.built-from")));
        } finally {
            Files.delete(migration);
        }

        // The plug's own build hook rejects what no schema type can express.
        Files.writeString(bad, Files.readString(config) + "plug.notes.config.max-length=3\n");
        r = care("build", "--config", bad.toString());
        assertEquals(3, r.exit(), r.output());
        // One line naming the plug and its message, not Maven's stack trace.
        assertTrue(r.output().contains("plug notes: greeting is 5 characters; max-length is 3 (build step NotesProcessor#"), r.output());
        assertTrue(r.output().contains("Nothing was built; the last good build is untouched."), r.output());
        assertFalse(r.output().contains("Failed to execute goal"), r.output());
        assertEquals(builtFrom, Files.readString(checkout.resolve("target/care-app/.built-from")));
    }

    @Test
    @Order(4)
    void aDisabledPlugLeavesTheImageAndKeepsItsData() throws Exception {
        writeConfig(false);
        try {
            String out = ok(care("build", "--config", config.toString()));
            assertTrue(out.contains("notes        disabled: left out of the image"), out);
            // The database of the first test: notes' table and rows are still there, its code is gone.
            try (CareProcess app = startApp("plugs_all", false)) {
                assertEquals(List.of("greeter", "ward-board"), plugs(app).getList("name"));
                RestAssured.given().port(app.port).auth().oauth2(app.token()).get("/api/v1/plugs/notes/hello").then().statusCode(404);
                assertEquals(1L, count("plugs_all", "SELECT count(*) FROM plug_notes.facility_seen"));
                // A facility created while notes is out of the image...
                RestAssured.given().port(app.port).auth().oauth2(app.token()).contentType("application/json")
                        .body(Map.of("name", "While Disabled", "kind", "CLINIC")).post("/api/v1/facilities").then().statusCode(201);
            }
        } finally {
            writeConfig(true);
        }
    }

    @Test
    @Order(5)
    void anOfflineLockedRebuildFromTheBundleGetsTheSameBits() throws Exception {
        // The bundle keeps the plug-config.properties and plugs.lock it was made from (all three plugs; the deployment's
        // own lock lists two since the last test); its notes source, path:../notes-src, is the same folder.
        Path bundleConfig = bundle.resolve("plug-config.properties");
        String lock = Files.readString(bundle.resolve("plugs.lock"));
        assertTrue(lock.contains("notes.artifact.sha256="), lock);
        // The sources vanish and the network is unusable: only the bundle is left.
        Files.move(work.resolve("greeter-src"), work.resolve("greeter-src.gone"));
        Files.move(mavenFolder, work.resolve("maven-repo.gone"));
        try {
            String out = ok(care(Map.of("https_proxy", "http://127.0.0.1:9", "http_proxy", "http://127.0.0.1:9",
                    "MAVEN_OPTS", "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=9 -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9"),
                    "build", "--offline", "--bundle", bundle.toString(), "--locked", "--config", bundleConfig.toString()));
            // greeter rebuilt from the bundle's git copy, notes from its folder, ward-board from the bundle's repository.
            assertTrue(out.contains("plugs.lock: every plug matches the lock"), out);
            assertEquals(lock, Files.readString(bundle.resolve("plugs.lock")));
            assertTrue(out.contains("Built target/care-app"), out);
            // Re-enabled (this build has all three), on the same database: notes' data is back, and it catches up on
            // the signals committed while it was out of the image.
            try (CareProcess app = startApp("plugs_all", false)) {
                assertEquals(List.of("greeter", "ward-board", "notes"), plugs(app).getList("name"));
                assertEquals(greeterCommit, plugs(app).getString("find { it.name == 'greeter' }.commit"));
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> facilitiesSeenByNotes(app) == 2);
            }
        } finally {
            Files.move(work.resolve("greeter-src.gone"), work.resolve("greeter-src"));
            Files.move(work.resolve("maven-repo.gone"), mavenFolder);
        }
    }

    // --- helpers ---

    static CareProcess startApp(String db) throws Exception {
        return startApp(db, true);
    }

    static CareProcess startApp(String db, boolean fresh) throws Exception {
        ItDatabase d = fresh ? ItDatabase.fresh(db) : ItDatabase.existing(db);
        return CareProcess.start(checkout.resolve("target/care-app/quarkus-app/quarkus-run.jar"), d.url,
                Files.createDirectories(work.resolve("data-" + db)), Map.of("GREETER_TOKEN", TOKEN));
    }

    static int facilitiesSeenByNotes(CareProcess app) {
        return RestAssured.given().port(app.port).auth().oauth2(app.token()).get("/api/v1/plugs/notes/hello").then().statusCode(200)
                .extract().path("facilitiesSeen");
    }

    static long count(String db, String sql) throws Exception {
        try (var c = ItDatabase.existing(db).connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static JsonPath plugs(CareProcess app) {
        return RestAssured.given().port(app.port).auth().oauth2(app.token()).get("/api/v1/plugs").then().statusCode(200).extract()
                .jsonPath();
    }

    static Result care(String... args) throws Exception {
        return care(Map.of(), args);
    }

    static Result care(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(checkout.resolve("care").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(checkout.toFile());
        pb.environment().putAll(env);
        return run(pb);
    }

    static Result run(Path dir, String... cmd) throws Exception {
        return run(new ProcessBuilder(cmd).directory(dir.toFile()));
    }

    static Result run(ProcessBuilder pb) throws Exception {
        Path log = Files.createTempFile(work, "cmd-", ".log");
        long started = System.nanoTime();
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(pb.command() + " did not finish:\n" + Files.readString(log));
        }
        String out = Files.readString(log);
        System.out.printf("$ %s (%d s)%n%s%n", String.join(" ", pb.command()), (System.nanoTime() - started) / 1_000_000_000L, out);
        return new Result(p.exitValue(), out);
    }

    static String ok(Result r) {
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    /** The working tree without build output, VCS data or run data: what a fresh clone holds. */
    static void copyCheckout(Path from, Path to) throws IOException {
        Set<String> skip = Set.of("target", ".git", ".care");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = from.relativize(p);
                boolean skipped = false;
                for (Path part : rel) {
                    if (skip.contains(part.toString())) {
                        skipped = true;
                    }
                }
                if (skipped) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The checksum files Maven deployed beside {@code file}, made to match its present content. */
    static void rewriteChecksums(Path file) throws Exception {
        for (String[] kind : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha256", "SHA-256"}, {"sha512", "SHA-512"}}) {
            Path sum = file.resolveSibling(file.getFileName() + "." + kind[0]);
            if (Files.exists(sum)) {
                byte[] digest = MessageDigest.getInstance(kind[1]).digest(Files.readAllBytes(file));
                Files.writeString(sum, HexFormat.of().formatHex(digest));
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
